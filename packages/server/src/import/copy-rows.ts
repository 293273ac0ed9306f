// COPY … FROM inside the caller's transaction, batch by batch so memory stays flat: PGlite reads a Blob
// ('/dev/blob', stack-notes §3), PostgreSQL a pg-copy-streams stream. Batches are CSV bytes we build
// (the ledger's: import/ledger-line-groups.ts).
import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { rawClientOf, type Driver, type Tx } from '../db/open-db.ts';

interface PgliteTxLike {
  query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

/** Which driver is behind a transaction: a pg PoolClient has a `connection`, a PGlite transaction does not. */
export function driverOfTx(tx: Tx): Driver {
  const c = rawClientOf(tx);
  return typeof c === 'object' && c !== null && 'connection' in c ? 'pg' : 'pglite';
}

export interface CopyWriter {
  /** Copies one batch: `rows` CSV lines (FORMAT csv, the writer's columns) in UTF-8, each ending in '\n'. */
  copy(bytes: Uint8Array<ArrayBuffer>, rows: number): Promise<void>;
  /** Completes the COPY; returns the total number of rows copied. */
  finish(): Promise<number>;
  /** Ends an open COPY without caring for its result (the transaction is about to roll back). */
  abort(): Promise<void>;
}

/**
 * A writer that COPYs `table (columns)` through the transaction's own connection; everything it copies commits
 * or rolls back with the transaction. PGlite: one COPY FROM '/dev/blob' per batch. PostgreSQL: one COPY FROM
 * STDIN stream for the whole import, one write per batch with back-pressure, so the server ingests while the
 * next rows are parsed.
 */
export function copyWriter(
  tx: Tx,
  driver: Driver,
  table: string,
  columns: readonly string[],
): CopyWriter {
  const statementFrom = (src: string) =>
    `COPY ${table} (${columns.join(', ')}) FROM ${src} WITH (FORMAT csv)`;
  let copied = 0;
  let stream: ReturnType<typeof copyFrom> | null = null;
  let streamDone: Promise<void> | null = null;
  let streamError: unknown = null;

  const openStream = (): ReturnType<typeof copyFrom> => {
    if (!stream) {
      const client = rawClientOf(tx) as PoolClient;
      const st = client.query(copyFrom(statementFrom('STDIN')));
      streamDone = new Promise<void>((resolve, reject) => {
        st.on('finish', () => resolve());
        st.on('error', (e) => {
          streamError = e;
          reject(e);
        });
      });
      // Errors surface through finish(); keep an early failure from becoming an unhandled rejection.
      streamDone.catch(() => undefined);
      stream = st;
    }
    return stream;
  };

  return {
    async copy(bytes, rows) {
      if (rows === 0) {
        return;
      }
      if (driver === 'pglite') {
        const client = rawClientOf(tx) as PgliteTxLike;
        await client.query(statementFrom(`'/dev/blob'`), [], { blob: new Blob([bytes]) });
      } else {
        const st = openStream();
        if (streamError) {
          throw streamError;
        }
        if (!st.write(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength))) {
          await Promise.race([once(st, 'drain'), streamDone]);
        }
      }
      copied += rows;
    },
    async finish() {
      if (stream && streamDone) {
        stream.end();
        await streamDone;
        stream = null;
      }
      return copied;
    },
    async abort() {
      if (stream && streamDone) {
        stream.end();
        await streamDone.catch(() => undefined);
        stream = null;
      }
    },
  };
}
