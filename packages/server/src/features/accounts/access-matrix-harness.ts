// Shared by the access-matrix tests (access-matrix*.test.ts): the nine sessions (six roles, plus a clerk and a head
// of another department and a reviewer of another region), their passwords, and the goal sets, indicators and
// account every matrix file acts on — created before the file's tests through the services, on its own database.
import { sql } from 'drizzle-orm';
import { beforeAll, expect } from 'vitest';
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import { queryRows, type Database } from '../../db/open-db.ts';
import { fixtureWrite } from '../../db/test-db.ts';
import { CLI_ACTOR, type Actor } from '../../auth/actor.ts';
import { createUser } from './accounts.service.ts';
import { addIndicator } from '../indicators/indicators.service.ts';
import { createGoal, submitGoal } from '../goals/goals.service.ts';
import { TestClient, fastDemoPasswords } from '../../http/test-client.ts';

process.env['JIXIAO_TEST_SCRYPT_LOG_N'] = '8';
export type Who =
  | 'clerk'
  | 'head'
  | 'reviewer'
  | 'sysadmin'
  | 'secadmin'
  | 'auditadmin'
  | 'otherClerk'
  | 'otherHead'
  | 'foreignReviewer';
export const EVERYONE: Who[] = [
  'clerk',
  'head',
  'reviewer',
  'sysadmin',
  'secadmin',
  'auditadmin',
  'otherClerk',
  'otherHead',
  'foreignReviewer',
];
export const LOGIN: Record<Who, [string, string]> = {
  clerk: ['tzcj_clerk', 'Demo#Clerk2023'],
  head: ['tzcj_head', 'Demo#Head2023!'],
  reviewer: ['czj_reviewer', 'Demo#Review2023'],
  sysadmin: ['sysadmin', 'Demo#SysAdmin2023'],
  secadmin: ['secadmin', 'Demo#SecAdmin2023'],
  auditadmin: ['auditadmin', 'Demo#Audit2023!'],
  otherClerk: ['kgxj_clerk', 'Other#Clerk2023'],
  otherHead: ['kgxj_head', 'Other#Head2023'],
  foreignReviewer: ['th_reviewer', 'Foreign#Review2023'],
};

export interface MatrixIds {
  lockedGoal: string;
  lockedInd: string;
  otherInd: string;
  draftGoal: string;
  draftInd: string;
  draftInd2: string;
  submittedGoal: string;
  returnGoal: string;
  target: string;
  cr: string;
  otherGoal: string;
}

export interface Matrix {
  /** A new app on the file's database, its clock fixed at 2023-03-01. */
  app: () => ReturnType<typeof createApp>;
  /** One signed-in client per session (filled before the first test). */
  clients: Record<Who, TestClient>;
  /** The rows the tests act on (filled before the first test). */
  ids: MatrixIds;
}

const CLOCK = new Date('2023-03-01T02:00:00Z');
type Db = Database['db'];

async function anotherRegion(db: Db): Promise<void> {
  await fixtureWrite(db, 'another region with its finance bureau', async (tx) => {
    await tx.execute(
      sql`insert into regions (code, name, parent_code, level) values ('440106', '广州市天河区', '440100', 'district')`,
    );
    await tx.execute(
      sql`insert into departments (code, region_code, name, short_name, kind) values ('440106-CZJ', '440106', '广州市天河区财政局', '天河区财政局', 'financeBureau')`,
    );
  });
}

/** The matrix's own accounts; they work straight away (the forced first-sign-in change is tested in auth.routes.test.ts). */
async function matrixAccounts(db: Db, ids: MatrixIds): Promise<void> {
  const make = (username: string, password: string, role: Actor['role'], departmentCode: string) =>
    createUser(
      db,
      CLI_ACTOR,
      {
        username,
        displayName: username,
        role,
        departmentCode,
        password,
        mustChangePassword: false,
      },
      CLOCK,
    );
  await make('kgxj_clerk', 'Other#Clerk2023', 'clerk', '440105-KGXJ');
  await make('kgxj_head', 'Other#Head2023', 'deptHead', '440105-KGXJ');
  await make('th_reviewer', 'Foreign#Review2023', 'financeReviewer', '440106-CZJ');
  ids.target = (await make('matrix_target', 'Target#User2023', 'clerk', '440105-TZCJ')).user.id;
}

/** The demo's locked 2023 goal sets of 投资促进局 and 科技和工业信息化局, one indicator of each. */
async function demoGoals(db: Db, ids: MatrixIds): Promise<void> {
  const goals = await queryRows<{ id: string; department_code: string }>(
    db,
    sql`select id, department_code from goals where fiscal_year = 2023 and project_id is null order by department_code`,
  );
  ids.lockedGoal = goals.find((g) => g.department_code === '440105-TZCJ')!.id;
  ids.otherGoal = goals.find((g) => g.department_code === '440105-KGXJ')!.id;
  const first = async (q: ReturnType<typeof sql>) =>
    (await queryRows<{ id: string }>(db, q))[0]!.id;
  ids.lockedInd = await first(
    sql`select id from indicators where goal_id = ${ids.lockedGoal} and name = '企业满意度'`,
  );
  ids.otherInd = await first(
    sql`select id from indicators where goal_id = ${ids.otherGoal} order by sort limit 1`,
  );
}

/** Indicators whose weights make a goal set that passes its checks. */
const VALID_BASE = { unit: '个', targetBasis: 'PLAN' as const, operator: 'GE' as const };
const VALID_INDICATORS = [
  {
    level1: 'OUTPUT',
    level2: 'QUANTITY',
    name: '新洽谈重点招商项目数',
    target: '320',
    weight: '50',
  },
  {
    level1: 'BENEFIT',
    level2: 'SOCIAL',
    name: '新增商事主体数',
    target: '2',
    unit: '万户',
    weight: '30',
  },
  {
    level1: 'SATISFACTION',
    level2: 'SERVICE_SATISFACTION',
    name: '企业满意度',
    target: '90',
    unit: '%',
    weight: '10',
  },
] as const;

/** A goal set of 投资促进局 for the year that passes its checks, submitted. */
async function submittedGoal(db: Db, year: number): Promise<string> {
  const departmentCode = '440105-TZCJ';
  const targetText = `${year}年度部门整体目标`;
  const g = await createGoal(
    db,
    CLI_ACTOR,
    { departmentCode, year, projectId: null, targetText },
    CLOCK,
  );
  for (const ind of VALID_INDICATORS) {
    await addIndicator(db, CLI_ACTOR, g.id, { ...VALID_BASE, ...ind }, CLOCK);
  }
  await submitGoal(db, CLI_ACTOR, g.id, { noSatisfactionReason: null, comment: null }, CLOCK);
  return g.id;
}

/** A draft goal set (a year no demo data uses) with two indicators. */
async function draftGoal(db: Db, ids: MatrixIds): Promise<void> {
  const draft = await createGoal(
    db,
    CLI_ACTOR,
    { departmentCode: '440105-TZCJ', year: 2029, projectId: null, targetText: '草稿' },
    CLOCK,
  );
  ids.draftGoal = draft.id;
  const base = {
    level1: 'OUTPUT' as const,
    level2: 'QUANTITY' as const,
    operator: 'GE' as const,
    unit: '个',
    weight: '10',
  };
  const add = async (name: string, target: string) =>
    (await addIndicator(db, CLI_ACTOR, draft.id, { ...base, name, target }, CLOCK)).id;
  ids.draftInd = await add('指标一', '1');
  ids.draftInd2 = await add('指标二', '2');
}

/** Registers the fixtures' beforeAll inside a describeEachDb and returns what the tests use. */
export function useAccessMatrix(use: () => Database): Matrix {
  const app = () => createApp({ database: use(), config: loadConfig({}), now: () => CLOCK });
  const clients = {} as Record<Who, TestClient>;
  const ids: MatrixIds = {
    ...{ lockedGoal: '', lockedInd: '', otherInd: '', otherGoal: '' },
    ...{ draftGoal: '', draftInd: '', draftInd2: '', submittedGoal: '', returnGoal: '' },
    ...{ target: '', cr: '' },
  };
  beforeAll(async () => {
    const db = use().db;
    await fastDemoPasswords(db);
    await anotherRegion(db);
    await matrixAccounts(db, ids);
    await demoGoals(db, ids);
    ids.submittedGoal = await submittedGoal(db, 2026);
    ids.returnGoal = await submittedGoal(db, 2027);
    await draftGoal(db, ids);
    for (const who of EVERYONE) {
      clients[who] = new TestClient(app());
      const r = await clients[who].login(...LOGIN[who]);
      expect(r.status, `${who} signs in`).toBe(200);
    }
  });
  return { app, clients, ids };
}
