// Open the database: embedded PGlite in a data directory by default, PostgreSQL when a URL is given.
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations, SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema/index.ts';
import { lockDataDir } from './data-dir-lock.ts';

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Anything queries can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export type Driver = 'pglite' | 'pg';

export interface Database {
  db: Db;
  driver: Driver;
  /** The PGlite instance (embedded) — for COPY and snapshots. */
  pglite: PGlite | null;
  /** The pg pool (server). */
  pool: pg.Pool | null;
  close(): Promise<void>;
}

export type OpenDbOptions =
  | {
      kind: 'pglite';
      dataDir?: string;
      loadDataDir?: Blob;
      /** Who opens a data directory ('server', 'cli' …): named to a second process that is refused. */
      holder?: string;
    }
  | { kind: 'pg'; url: string; max?: number };

// numeric → string (default), date → string 'YYYY-MM-DD' (avoid timezone shifts), int8 count → number.
pg.types.setTypeParser(1082, (v: string) => v);

/**
 * Embedded PGlite's shared_buffers (JIXIAO_PGLITE_SHARED_BUFFERS, default 32MB; PGlite's own default is 128MB).
 * PGlite's WASM memory never shrinks and its buffer pool is touched at start: 128MB of it cost ≈ 115 MB of RSS
 * before the first query, while the data directory's pages are also in the OS page cache (read through the
 * Emscripten file system), so a smaller pool mostly costs cheap re-reads. docs/decisions/0004 (memory).
 */
export function pgliteStartParams(): string[] {
  const sharedBuffers = process.env['JIXIAO_PGLITE_SHARED_BUFFERS'] ?? '32MB';
  return [...PGlite.defaultStartParams, '-c', `shared_buffers=${sharedBuffers}`];
}

function openPg(url: string, max: number): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server ends (a restart, a failover, an administrator) is an 'error' on the pool; the
  // pool drops that connection and the next query opens another. Unhandled, the event would end the process.
  pool.on('error', (e: Error) => {
    process.stderr.write(
      `[jixiao] 数据库连接已断开，将自动重连 a database connection was closed by the server (it reconnects): ${e.message}\n`,
    );
  });
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, driver: 'pg', pglite: null, pool, close: () => pool.end() };
}

export async function openDb(options: OpenDbOptions): Promise<Database> {
  if (options.kind === 'pg') {
    return openPg(options.url, options.max ?? 10);
  }
  const lock = options.dataDir
    ? lockDataDir(options.dataDir, options.holder ?? `${path.basename(process.argv[1] ?? 'node')}`)
    : null;
  let client: PGlite;
  try {
    client = await PGlite.create({
      startParams: pgliteStartParams(),
      ...(options.dataDir ? { dataDir: options.dataDir } : {}),
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (e) {
    lock?.release();
    throw e;
  }
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    driver: 'pglite',
    pglite: client,
    pool: null,
    close: async () => {
      try {
        await client.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** The raw driver client behind a transaction (PGlite Transaction or pg PoolClient), for COPY. */
export function rawClientOf(tx: Queryable): unknown {
  const session = (tx as unknown as { session: { client: unknown } }).session;
  return session.client;
}

/** Run raw SQL and return its rows (both drivers answer `{ rows }`). */
export async function queryRows<T>(db: Queryable, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
