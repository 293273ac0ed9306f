// Apply the committed migrations in one transaction; refuse a database ahead of this code.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgliteDatabase } from 'drizzle-orm/pglite';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import { queryRows, type Database } from './open-db.ts';

export const migrationsFolder = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  'migrations',
);

interface Journal {
  entries: { idx: number; tag: string; when: number }[];
}

function journal(): Journal {
  return JSON.parse(
    fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'),
  ) as Journal;
}

/** Applies pending migrations. Throws if the database has migrations this code does not know. */
export async function migrate(database: Database): Promise<{ applied: number }> {
  const known = journal().entries.length;
  const before = await appliedCount(database);
  if (before > known) {
    throw new Error(
      `数据库版本（${before} 个迁移）高于程序（${known} 个）：请升级程序 / database is ahead of this code (${before} > ${known} migrations)`,
    );
  }
  if (database.driver === 'pglite') {
    await migratePglite(database.db as unknown as PgliteDatabase, { migrationsFolder });
  } else {
    await migratePg(database.db as unknown as NodePgDatabase, { migrationsFolder });
  }
  return { applied: known - before };
}

async function appliedCount(database: Database): Promise<number> {
  const exists = await queryRows(
    database.db,
    sql`select 1 from information_schema.tables where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`,
  );
  if (exists.length === 0) {
    return 0;
  }
  const r = await queryRows<{ n: number }>(
    database.db,
    sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
  );
  return Number(r[0]?.n ?? 0);
}
