// Bad input to every endpoint over HTTP with real sessions, on both databases: a 4xx in Chinese, never a 500. The
// sessions and fixtures: access-matrix-harness.ts.
import { expect, it } from 'vitest';
import { describeEachDb } from '../../db/test-db.ts';
import { errorOf } from '../../http/test-client.ts';
import { useAccessMatrix, type Who } from './access-matrix-harness.ts';

describeEachDb('access matrix: bad input', (use) => {
  const { clients, ids } = useAccessMatrix(use);

  const BAD: [Who, string, string, unknown, number][] = [
    ['clerk', 'GET', '/api/departments/no_pe/goals?year=2023', undefined, 400],
    ['clerk', 'GET', '/api/departments/440105-TZCJ/goals?year=abc', undefined, 400],
    ['clerk', 'GET', '/api/departments/440105-TZCJ/goals', undefined, 400],
    ['reviewer', 'GET', '/api/departments/440105-ZZZZ/goals?year=2023', undefined, 403], // unknown = foreign
    ['clerk', 'GET', '/api/goals/not-a-uuid', undefined, 400],
    ['clerk', 'GET', '/api/goals/00000000-0000-4000-8000-000000000000', undefined, 404],
    ['clerk', 'POST', '/api/goals', {}, 400],
    [
      'clerk',
      'POST',
      '/api/goals',
      { departmentCode: '440105-TZCJ', year: '2023', targetText: 'x' },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/goals',
      { departmentCode: '440105-TZCJ', year: 2023, targetText: 'x', status: 'locked' },
      400,
    ],
    ['clerk', 'POST', '/api/goals', '{"departmentCode":', 400],
    ['clerk', 'POST', '/api/goals', [1, 2], 400],
    [
      'clerk',
      'POST',
      '/api/goals',
      {
        departmentCode: '440105-TZCJ',
        year: 2028,
        projectId: '00000000-0000-4000-8000-000000000000',
        targetText: 'x',
      },
      400,
    ],
    ['clerk', 'PUT', '/api/goals/DRAFT', { targetText: 5 }, 400],
    ['clerk', 'PUT', '/api/goals/DRAFT', {}, 400],
    [
      'clerk',
      'POST',
      '/api/goals/DRAFT/indicators',
      {
        level1: 'X',
        level2: 'QUANTITY',
        name: 'a',
        operator: 'GE',
        target: '1',
        unit: '个',
        weight: '1',
      },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/goals/DRAFT/indicators',
      {
        level1: 'SATISFACTION',
        level2: 'QUANTITY',
        name: 'a',
        operator: 'GE',
        target: '1',
        unit: '个',
        weight: '1',
      },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/goals/DRAFT/indicators',
      {
        level1: 'OUTPUT',
        level2: 'QUANTITY',
        name: 'a',
        operator: 'GE',
        target: '1',
        unit: '个',
        weight: 'abc',
      },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/goals/DRAFT/indicators',
      {
        level1: 'OUTPUT',
        level2: 'QUANTITY',
        name: 'a',
        operator: 'GE',
        target: '1',
        unit: '个',
        weight: '0',
      },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/goals/DRAFT/indicators',
      {
        level1: 'OUTPUT',
        level2: 'QUANTITY',
        name: 'a',
        operator: 'GE',
        target: '1',
        unit: '个',
        weight: '101',
      },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/goals/DRAFT/indicators',
      {
        level1: 'OUTPUT',
        level2: 'QUANTITY',
        name: '',
        operator: 'GE',
        target: '1',
        unit: '个',
        weight: '1',
      },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/goals/DRAFT/indicators',
      {
        level1: 'OUTPUT',
        level2: 'QUANTITY',
        name: '指标一',
        operator: 'GE',
        target: '1',
        unit: '个',
        weight: '1',
      },
      409,
    ],
    [
      'clerk',
      'POST',
      '/api/goals/DRAFT/indicators/from-template',
      { templateId: '00000000-0000-4000-8000-000000000000', target: '1', weight: '1' },
      404,
    ],
    ['clerk', 'PUT', '/api/indicators/DRAFTIND', { weight: '1.234' }, 400],
    ['clerk', 'PUT', '/api/indicators/DRAFTIND', { operator: 'GTE' }, 400],
    ['clerk', 'PUT', '/api/indicators/LOCKED/actual', {}, 400],
    ['clerk', 'PUT', '/api/indicators/LOCKED/actual', { actual: 5 }, 400],
    ['clerk', 'PUT', '/api/indicators/LOCKED/actual', { actual: '九十' }, 400],
    [
      'clerk',
      'PUT',
      '/api/indicators/00000000-0000-4000-8000-000000000000/actual',
      { actual: '1' },
      404,
    ],
    ['reviewer', 'PUT', '/api/indicators/LOCKED/deduction', { deduction: '-1', reason: 'x' }, 400],
    ['reviewer', 'PUT', '/api/indicators/LOCKED/deduction', { deduction: 'abc', reason: 'x' }, 400],
    ['reviewer', 'PUT', '/api/indicators/LOCKED/deduction', { reason: 'x' }, 400],
    ['clerk', 'POST', '/api/change-requests', {}, 400],
    ['clerk', 'POST', '/api/change-requests', { reason: '理由' }, 400],
    ['clerk', 'POST', '/api/change-requests', { reason: '理由', items: [] }, 400],
    [
      'clerk',
      'POST',
      '/api/change-requests',
      { reason: '理由', indicatorId: 'LOCKED', field: 'actual', newValue: '1' },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/change-requests',
      {
        reason: '理由',
        indicatorId: '00000000-0000-4000-8000-000000000000',
        field: 'target',
        newValue: '1',
      },
      404,
    ],
    [
      'clerk',
      'POST',
      '/api/change-requests',
      { reason: '理由', indicatorId: 'LOCKED', field: 'weight', newValue: '十' },
      400,
    ],
    [
      'clerk',
      'POST',
      '/api/change-requests',
      { reason: '理由', indicatorId: 'DRAFTIND', field: 'target', newValue: '5' },
      409,
    ],
    ['head', 'POST', '/api/change-requests/not-a-uuid/approve', {}, 400],
    ['head', 'POST', '/api/change-requests/00000000-0000-4000-8000-000000000000/approve', {}, 404],
    [
      'head',
      'GET',
      '/api/departments/440105-TZCJ/change-requests?year=2023&status=foo',
      undefined,
      400,
    ],
    ['clerk', 'GET', '/api/indicator-library?level1=X', undefined, 400],
    ['clerk', 'GET', '/api/indicator-library/not-a-uuid', undefined, 400],
    ['reviewer', 'POST', '/api/indicator-library', {}, 400],
    [
      'reviewer',
      'POST',
      '/api/indicator-library',
      {
        field: '测试',
        level1: 'SATISFACTION',
        level2: 'QUANTITY',
        name: '错配',
        unit: '个',
        operator: 'GE',
      },
      400,
    ],
    [
      'reviewer',
      'POST',
      '/api/indicator-library',
      {
        field: '通用',
        level1: 'OUTPUT',
        level2: 'QUALITY',
        name: '质量达标率',
        unit: '%',
        operator: 'GE',
      },
      409,
    ],
    ['auditadmin', 'GET', '/api/audit?from=yesterday', undefined, 400],
    ['auditadmin', 'GET', '/api/audit?limit=0', undefined, 400],
    ['auditadmin', 'GET', '/api/audit?limit=abc', undefined, 400],
    ['auditadmin', 'GET', '/api/audit?from=2024-02-01&to=2024-01-01', undefined, 400],
    ['auditadmin', 'GET', '/api/audit/export.csv?to=2024-13-45', undefined, 400],
    ['sysadmin', 'POST', '/api/users', {}, 400],
    [
      'sysadmin',
      'POST',
      '/api/users',
      { username: 'A B', displayName: 'x', role: 'clerk', departmentCode: '440105-TZCJ' },
      400,
    ],
    [
      'sysadmin',
      'POST',
      '/api/users',
      {
        username: 'weak_pw',
        displayName: 'x',
        role: 'clerk',
        departmentCode: '440105-TZCJ',
        password: 'password',
      },
      400,
    ],
    [
      'sysadmin',
      'POST',
      '/api/users',
      { username: 'wrong_kind', displayName: 'x', role: 'clerk', departmentCode: '440105-CZJ' },
      400,
    ],
    [
      'sysadmin',
      'POST',
      '/api/users',
      { username: 'no_dept', displayName: 'x', role: 'clerk' },
      400,
    ],
    [
      'sysadmin',
      'POST',
      '/api/users',
      { username: 'tzcj_clerk', displayName: 'x', role: 'clerk', departmentCode: '440105-TZCJ' },
      409,
    ],
    [
      'sysadmin',
      'POST',
      '/api/users',
      { username: 'root_role', displayName: 'x', role: 'root' },
      400,
    ],
    ['sysadmin', 'PATCH', '/api/users/TARGET', { disabled: 'yes' }, 400],
    [
      'sysadmin',
      'PATCH',
      '/api/users/00000000-0000-4000-8000-000000000000',
      { displayName: 'x' },
      404,
    ],
    ['secadmin', 'PUT', '/api/users/TARGET/role', { role: 'x' }, 400],
    ['secadmin', 'POST', '/api/users/TARGET/lock', { minutes: 0 }, 400],
    [
      'secadmin',
      'PUT',
      '/api/security/password-policy',
      { minLength: 8, minClasses: 3, maxFailedAttempts: 5, lockMinutes: 15 },
      400,
    ],
    ['clerk', 'POST', '/api/auth/password', { current: 1 }, 400],
  ];

  it('bad input to every endpoint: a 4xx with a Chinese message, never a 500', async () => {
    const sub = (p: string) =>
      p
        .replace('DRAFTIND', ids.draftInd)
        .replace('DRAFT', ids.draftGoal)
        .replace('LOCKED', ids.lockedInd)
        .replace('TARGET', ids.target);
    for (const [who, method, path, body, status] of BAD) {
      const b =
        body && typeof body === 'object' && !Array.isArray(body)
          ? JSON.parse(sub(JSON.stringify(body)))
          : body;
      const res = await clients[who].request(method, sub(path), b);
      expect(
        res.status,
        `${method} ${path} ${JSON.stringify(body)}: ${res.text.slice(0, 300)}`,
      ).toBe(status);
      // malformed JSON is answered by the shared error handler (http/error-response.ts) in English
      expect(errorOf(res).message, `${method} ${path}`).toMatch(
        typeof body === 'string' ? /JSON/ : /[\u4e00-\u9fff]/,
      );
    }
  });
});
