// openDb on PostgreSQL: the pool outlives a connection the server ends (a restart, a failover, an administrator's
// pg_terminate_backend). Without a listener, node-postgres reports an idle connection's end as an 'error' event on
// the pool, which nothing handles: the process crashes (found when a bench dropped its database).
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDb } from './open-db.ts';

const url = process.env['JIXIAO_TEST_PG_URL'];

describe.skipIf(!url)('openDb on PostgreSQL', () => {
  it('survives the server ending an idle connection; the next query opens a new one', async () => {
    const database = await openDb({ kind: 'pg', url: url!, max: 1 });
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      const first = (await database.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
        rows: { pid: number }[];
      };
      const pid = first.rows[0]!.pid;
      expect(database.pool!.idleCount).toBe(1);
      await admin.query('select pg_terminate_backend($1)', [pid]);
      // The pool drops the ended connection when its error arrives (bounded wait, not a speed assertion).
      for (let i = 0; i < 100 && database.pool!.idleCount > 0; i += 1) {
        await new Promise((r) => setTimeout(r, 50));
      }
      expect(database.pool!.idleCount).toBe(0);
      const again = (await database.db.execute(sql`select pg_backend_pid() as pid`)) as unknown as {
        rows: { pid: number }[];
      };
      expect(again.rows[0]!.pid).not.toBe(pid);
    } finally {
      await admin.end();
      await database.close();
    }
  });
});
