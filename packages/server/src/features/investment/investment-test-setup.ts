// Shared setup of the investment pipeline route tests: the Haizhu 2023 demo's 投资促进局, its actors, the
// shapes of the answers, and an app per actor at a fixed "now" (2024-01-15).
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/open-db.ts';
import type { Actor } from '../../auth/actor.ts';

export const DEPT = '440105-TZCJ';
export const BASE = `/api/departments/${DEPT}/investment-projects`;
export const clerk: Actor = {
  userId: 'u-clerk',
  username: 'tzcj_clerk',
  displayName: '填报员',
  role: 'clerk',
  departmentCode: DEPT,
  regionCode: '440105',
  ip: null,
};
export const reviewer: Actor = {
  userId: 'u-rev',
  username: 'czj_reviewer',
  displayName: '财政审核',
  role: 'financeReviewer',
  departmentCode: null,
  regionCode: '440105',
  ip: null,
};
export const otherClerk: Actor = { ...clerk, userId: 'u-k', departmentCode: '440105-KGXJ' };

export interface Page {
  items: {
    id: string;
    code: string;
    stage: string;
    isKeyProject: boolean;
    plannedInvestmentWan: string;
    plannedInvestmentYuan: string;
    stageDates: Record<string, string | null>;
    responsibleUnit: { name: string };
  }[];
  total: number;
}
export interface ErrorBody {
  error: {
    code: string;
    message: string;
    details?: {
      fields?: { field: string; message: string }[];
      errors?: { row: number; column: string | null; message: string }[];
    };
  };
}

export const NEW_PROJECT = {
  code: 'ZS-T-0001',
  name: '示例数字营销华南总部项目',
  investor: '深圳示例数字营销有限公司',
  industryCode: '7251',
  industryName: '互联网广告服务',
  plannedInvestmentWan: '12345.678901',
  isKeyProject: true,
  responsibleUnitCode: 'JD-PAZHOU',
  source: 'EXHIBITION',
  stage: 'NEGOTIATING',
  stageDates: { LEAD: '2023-09-01', NEGOTIATING: '2023-09-20' },
};

export function pipelineApp(database: () => Database) {
  return (actor: Actor) =>
    createApp(
      { database: database(), config: loadConfig({}), now: () => new Date('2024-01-15T02:00:00Z') },
      { testActor: actor },
    );
}

export const json = (method: string, body: unknown) => ({
  method,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
