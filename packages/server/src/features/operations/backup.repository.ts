// The SQL of backup and restore: which tables there are and their keys, rows as JSON text read through a
// cursor, the applied migrations, foreign keys and sequences. Rows travel as PostgreSQL's own JSON text
// (row_to_json) and come back through json_populate_recordset, so numbers, times and binary values are never
// parsed by JavaScript on the way.
import { sql } from 'drizzle-orm';
import { queryRows, type Queryable } from '../../db/open-db.ts';

/** Not backed up: sign-in state (everyone signs in again after a restore). */
export const TABLES_NOT_BACKED_UP: readonly string[] = ['sessions'];

function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** Base tables of schema public, by name (all of them). */
export async function allTables(db: Queryable): Promise<string[]> {
  const rows = await queryRows<{ name: string }>(
    db,
    sql`select c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' order by c.relname`,
  );
  return rows.map((r) => r.name);
}

/** The tables a backup holds. */
export async function listTables(db: Queryable): Promise<string[]> {
  return (await allTables(db)).filter((n) => !TABLES_NOT_BACKED_UP.includes(n));
}

/** The primary key's columns in key order (empty when the table has none). */
export async function primaryKeyColumns(db: Queryable, table: string): Promise<string[]> {
  const rows = await queryRows<{ col: string }>(
    db,
    sql`select a.attname as col
        from pg_index i
        join lateral unnest(i.indkey) with ordinality as k(attnum, ord) on true
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
        where i.indrelid = ${`public.${ident(table)}`}::regclass and i.indisprimary
        order by k.ord`,
  );
  return rows.map((r) => r.col);
}

/** SELECT of a table's rows as JSON text, ordered by its key (by the whole row when it has none). */
export function rowsQuery(table: string, key: string[]): string {
  const order = key.length > 0 ? key.map(ident).join(', ') : 'row_to_json(t)::text';
  return `select row_to_json(t)::text as j from public.${ident(table)} t order by ${order}`;
}

/** Reads every row of a table through a cursor, `batch` rows at a time (call inside a transaction). */
export async function readTable(
  tx: Queryable,
  table: string,
  batch: number,
  onRows: (lines: string[]) => Promise<void>,
): Promise<number> {
  const key = await primaryKeyColumns(tx, table);
  await tx.execute(sql.raw(`declare jixiao_backup no scroll cursor for ${rowsQuery(table, key)}`));
  let count = 0;
  try {
    for (;;) {
      const rows = await queryRows<{ j: string }>(tx, sql.raw(`fetch ${batch} from jixiao_backup`));
      if (rows.length === 0) {
        return count;
      }
      count += rows.length;
      await onRows(rows.map((r) => r.j));
    }
  } finally {
    await tx.execute(sql.raw('close jixiao_backup'));
  }
}

/** Inserts rows given as JSON texts of the table's row type (identity and serial values kept). */
export async function insertRows(tx: Queryable, table: string, lines: string[]): Promise<void> {
  const json = `[${lines.join(',')}]`;
  const t = `public.${ident(table)}`;
  await tx.execute(
    sql`${sql.raw(`insert into ${t} overriding system value select * from json_populate_recordset(null::${t}, `)}${json}::json)`,
  );
}

export interface AppliedMigration {
  hash: string;
  createdAt: number;
}

/** The migrations applied to this database (drizzle's bookkeeping), oldest first. */
export async function appliedMigrations(db: Queryable): Promise<AppliedMigration[]> {
  const exists = await queryRows(
    db,
    sql`select 1 from information_schema.tables where table_schema = 'drizzle' and table_name = '__drizzle_migrations'`,
  );
  if (exists.length === 0) {
    return [];
  }
  const rows = await queryRows<{ hash: string; created_at: string | number }>(
    db,
    sql`select hash, created_at from drizzle.__drizzle_migrations order by created_at, id`,
  );
  return rows.map((r) => ({ hash: r.hash, createdAt: Number(r.created_at) }));
}

export interface ForeignKey {
  table: string;
  name: string;
  definition: string;
}

export async function foreignKeys(db: Queryable): Promise<ForeignKey[]> {
  return queryRows<ForeignKey>(
    db,
    sql`select cl.relname as "table", co.conname as name, pg_get_constraintdef(co.oid) as definition
        from pg_constraint co join pg_class cl on cl.oid = co.conrelid
        join pg_namespace n on n.oid = cl.relnamespace
        where n.nspname = 'public' and co.contype = 'f' order by cl.relname, co.conname`,
  );
}

export async function dropForeignKeys(tx: Queryable, keys: ForeignKey[]): Promise<void> {
  for (const k of keys) {
    await tx.execute(
      sql.raw(`alter table public.${ident(k.table)} drop constraint ${ident(k.name)}`),
    );
  }
}

export async function addForeignKeys(tx: Queryable, keys: ForeignKey[]): Promise<void> {
  for (const k of keys) {
    await tx.execute(
      sql.raw(
        `alter table public.${ident(k.table)} add constraint ${ident(k.name)} ${k.definition}`,
      ),
    );
  }
}

/** Every sequence owned by a column of schema public set past the column's highest value. */
export async function resetSequences(tx: Queryable): Promise<void> {
  const owned = await queryRows<{ tbl: string; col: string; seq: string }>(
    tx,
    sql`select c.relname as tbl, a.attname as col, pg_get_serial_sequence(quote_ident(c.relname), a.attname) as seq
        from pg_class c join pg_namespace n on n.oid = c.relnamespace
        join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where n.nspname = 'public' and c.relkind = 'r'
          and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`,
  );
  for (const o of owned) {
    await tx.execute(
      sql.raw(
        `select setval('${o.seq.replace(/'/g, "''")}', coalesce((select max(${ident(o.col)}) from public.${ident(o.tbl)}), 0) + 1, false)`,
      ),
    );
  }
}

/** Drops everything of this application (schemas public and drizzle) and makes public anew, empty. */
export async function dropEverything(tx: Queryable): Promise<void> {
  await tx.execute(sql.raw('drop schema if exists drizzle cascade'));
  await tx.execute(sql.raw('drop schema if exists public cascade'));
  await tx.execute(sql.raw('create schema public'));
}

export async function setUserTriggers(
  tx: Queryable,
  table: string,
  enabled: boolean,
): Promise<void> {
  await tx.execute(
    sql.raw(`alter table public.${ident(table)} ${enabled ? 'enable' : 'disable'} trigger user`),
  );
}

export async function countRows(db: Queryable, table: string): Promise<number> {
  const exists = await queryRows(
    db,
    sql`select 1 from information_schema.tables where table_schema = 'public' and table_name = ${table}`,
  );
  if (exists.length === 0) {
    return 0;
  }
  const r = await queryRows<{ n: number }>(
    db,
    sql.raw(`select count(*)::int as n from public.${ident(table)}`),
  );
  return Number(r[0]?.n ?? 0);
}

/** The audit chain head (seq and hash), or null when the table holds no row. */
export async function auditChainHead(db: Queryable): Promise<{ seq: number; hash: string } | null> {
  const r = await queryRows<{ seq: string | number; hash: string }>(
    db,
    sql`select last_seq as seq, last_hash as hash from audit_chain_head where id = 1`,
  );
  return r[0] ? { seq: Number(r[0].seq), hash: r[0].hash } : null;
}

/** PostgreSQL: how many other sessions use this database (a running server holds some). */
export async function otherConnections(db: Queryable): Promise<number> {
  const r = await queryRows<{ n: number }>(
    db,
    sql`select count(*)::int as n from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`,
  );
  return Number(r[0]?.n ?? 0);
}

/** Empties the audit chain head (a restore loads the backup's). */
export async function deleteAuditChainHead(db: Queryable): Promise<void> {
  await queryRows(db, sql`delete from audit_chain_head returning id`);
}
