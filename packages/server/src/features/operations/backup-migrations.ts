// The committed migrations, applied a range at a time inside the caller's transaction, with the same
// bookkeeping as drizzle's migrator (drizzle.__drizzle_migrations: hash, created_at), so the server's
// migrate() at the next start sees them as applied. A restore rebuilds the schema of the backup's version,
// loads the rows, then applies the newer migrations — all in one transaction.
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { sql } from 'drizzle-orm';
import type { Queryable } from '../../db/open-db.ts';
import { migrationsFolder } from '../../db/migrate.ts';
import type { KnownMigration } from './backup-format.ts';

interface MigrationFile extends KnownMigration {
  statements: string[];
}

function migrationFiles(): MigrationFile[] {
  return readMigrationFiles({ migrationsFolder }).map((m) => ({
    hash: m.hash,
    createdAt: m.folderMillis,
    statements: m.sql,
  }));
}

export function knownMigrations(): KnownMigration[] {
  return migrationFiles().map(({ hash, createdAt }) => ({ hash, createdAt }));
}

/** Applies migrations [from, to) of this program's list in the transaction. */
export async function applyMigrations(tx: Queryable, from: number, to: number): Promise<number> {
  await tx.execute(sql.raw('create schema if not exists drizzle'));
  await tx.execute(
    sql.raw(
      'create table if not exists drizzle.__drizzle_migrations (id serial primary key, hash text not null, created_at bigint)',
    ),
  );
  const files = migrationFiles().slice(from, to);
  for (const m of files) {
    for (const statement of m.statements) {
      if (statement.trim() !== '') {
        await tx.execute(sql.raw(statement));
      }
    }
    await tx.execute(
      sql`insert into drizzle.__drizzle_migrations (hash, created_at) values (${m.hash}, ${m.createdAt})`,
    );
  }
  return files.length;
}
