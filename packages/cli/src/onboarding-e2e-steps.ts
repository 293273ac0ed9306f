// The two steps of the onboarding end-to-end test that have no CLI command: the goal sets' review (the clerk
// submits, the department head and the finance bureau approve, the final approval locks) and the year-end actuals
// (the clerk records each indicator at its target; 定性 ones 达成 with their full weight). Both call the services
// the web UI calls, with the imported accounts as actors, on the database the CLI processes use.
import { eq } from 'drizzle-orm';
import { bootstrapDb, loadConfig, type Actor, type Database } from '@jixiao/server';
import { users } from '@jixiao/server/db/schema/index';
import { listGoals } from '@jixiao/server/features/goals/goals.service';
import { approveGoal, submitGoal } from '@jixiao/server/features/goals/goal-workflow.service';
import { setActual } from '@jixiao/server/features/indicators/indicator-results.service';

/** Inside the year (goal sets cannot be reviewed once it has ended): spring for the review, December for actuals. */
const REVIEW_AT = (year: number) => new Date(Date.UTC(year, 2, 1, 2));
const ACTUALS_AT = (year: number) => new Date(Date.UTC(year, 11, 20, 2));

export class OnboardingSteps {
  constructor(private readonly database: Database) {}

  async actor(username: string): Promise<Actor> {
    const [u] = await this.database.db.select().from(users).where(eq(users.username, username));
    if (!u) {
      throw new Error(`no account ${username}`);
    }
    return {
      userId: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      departmentCode: u.departmentCode,
      regionCode: u.regionCode,
      ip: null,
    };
  }

  /** Submit every goal set of the department and approve it at each step; the statuses at the end. */
  async submitAndApproveAll(
    departmentCode: string,
    year: number,
    who: { clerk: string; head: string; reviewer: string },
  ): Promise<string[]> {
    const db = this.database.db;
    const [clerk, head, reviewer] = await Promise.all([
      this.actor(who.clerk),
      this.actor(who.head),
      this.actor(who.reviewer),
    ]);
    const now = REVIEW_AT(year);
    const statuses: string[] = [];
    for (const g of (await listGoals(db, clerk, departmentCode, year)).goals) {
      const submitted = await submitGoal(
        db,
        clerk,
        g.id,
        { noSatisfactionReason: null, comment: null },
        now,
      );
      if (!submitted.ok) {
        throw new Error(
          `goal set ${g.projectCode ?? '部门整体'} refused: ${submitted.issues.map((i) => i.message).join('; ')}`,
        );
      }
      await approveGoal(db, head, g.id, null, now);
      const final = await approveGoal(db, reviewer, g.id, null, now);
      statuses.push(final.status);
    }
    return statuses;
  }

  /** Record every indicator's actual at its target (定性: 达成, scored its weight); how many were recorded. */
  async recordActualsAtTarget(departmentCode: string, year: number, clerkName: string) {
    const db = this.database.db;
    const clerk = await this.actor(clerkName);
    const now = ACTUALS_AT(year);
    let n = 0;
    for (const g of (await listGoals(db, clerk, departmentCode, year)).goals) {
      for (const i of g.tree.flatMap((l1) => l1.groups.flatMap((l2) => l2.indicators))) {
        await setActual(
          db,
          clerk,
          i.id,
          i.operator === 'QUAL'
            ? { actual: 'ACHIEVED', qualScore: i.weight }
            : { actual: i.target },
          now,
        );
        n++;
      }
    }
    return n;
  }
}

/** Open the database the CLI uses (env as the CLI gets it), run `fn`, close it so the next process may open it. */
export async function withInProcessDb<T>(
  env: Record<string, string>,
  fn: (steps: OnboardingSteps) => Promise<T>,
): Promise<T> {
  const { database } = await bootstrapDb(
    loadConfig({ ...env, JIXIAO_DEMO: '0' }),
    'onboarding test',
  );
  try {
    return await fn(new OnboardingSteps(database));
  } finally {
    await database.close();
  }
}
