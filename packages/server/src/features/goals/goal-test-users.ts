// Shared by the goal route tests: the shapes they read, and the Haizhu demo's clerk, head and finance reviewer
// signed in at a moved clock (sessions expire after 8 idle hours, so everyone signs in again).
import { createApp } from '../../app.ts';
import { loadConfig } from '../../config.ts';
import type { Database } from '../../db/open-db.ts';
import { TestClient } from '../../http/test-client.ts';

export interface Ind {
  id: string;
  name: string;
  target: string;
  weight: string;
  actual: string | null;
  qualScore: string | null;
  deduction: string | null;
  deductionBy: string | null;
  deductionReason: string | null;
  changes: { field: string; originalValue: string; newValue: string; status: string }[];
}

export interface Goal {
  id: string;
  status: string;
  lockedAt: string | null;
  editable: boolean;
  weightTotal: string;
  projectCode: string | null;
  tree: { level1: string; weight: string; groups: { level2: string; indicators: Ind[] }[] }[];
  events: {
    action: string;
    fromStatus: string | null;
    toStatus: string;
    actor: string;
    comment: string | null;
  }[];
}

export const inds = (g: Goal): Ind[] =>
  g.tree.flatMap((l1) => l1.groups.flatMap((l2) => l2.indicators));

/** An indicator to add: a quantitative output indicator unless `p` says otherwise. */
export const indicator = (p: Record<string, unknown>) => ({
  level1: 'OUTPUT',
  level2: 'QUANTITY',
  operator: 'GE',
  unit: '个',
  targetBasis: 'PLAN',
  ...p,
});

export class GoalTestUsers {
  clock = new Date('2023-02-15T02:00:00Z');
  clerk!: TestClient;
  head!: TestClient;
  reviewer!: TestClient;

  constructor(private readonly use: () => Database) {}

  app() {
    return createApp({ database: this.use(), config: loadConfig({}), now: () => this.clock });
  }

  /** Move the clock and sign everyone in again. */
  async at(iso: string): Promise<void> {
    this.clock = new Date(iso);
    this.clerk = new TestClient(this.app());
    this.head = new TestClient(this.app());
    this.reviewer = new TestClient(this.app());
    await this.clerk.login('tzcj_clerk', 'Demo#Clerk2023');
    await this.head.login('tzcj_head', 'Demo#Head2023!');
    await this.reviewer.login('czj_reviewer', 'Demo#Review2023');
  }
}
