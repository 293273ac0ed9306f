// COPY … FROM inside the caller's transaction, in bounded batches so memory stays flat: PGlite reads a
// Blob ('/dev/blob', stack-notes §3), PostgreSQL a pg-copy-streams stream. Rows are CSV lines we build.
import { once } from 'node:events';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { rawClientOf, type Driver, type Tx } from '../db/open-db.ts';

interface PgliteTxLike {
  query(sql: string, params: unknown[], options: { blob: Blob }): Promise<unknown>;
}

/** A CSV field for COPY (FORMAT csv): quoted, quotes doubled; null → unquoted empty (NULL). */
export function csvField(s: string | null): string {
  if (s === null) {
    return '';
  }
  return `"${s.replace(/"/g, '""')}"`;
}

/** Which driver is behind a transaction: a pg PoolClient has a `connection`, a PGlite transaction does not. */
export function driverOfTx(tx: Tx): Driver {
  const c = rawClientOf(tx);
  return typeof c === 'object' && c !== null && 'connection' in c ? 'pg' : 'pglite';
}

export interface CopyWriter {
  /**
   * Adds one line (fields already joined by ',' without the newline). `groupKey`: lines of a batch are copied
   * grouped by it, groups in key order (see CopyWriterOptions.groupLines).
   */
  push(line: string, groupKey?: string): Promise<void>;
  /** Copies what is buffered and completes the COPY; returns the total number of rows copied. */
  finish(): Promise<number>;
  /** Ends an open COPY without caring for its result (the transaction is about to roll back). */
  abort(): Promise<void>;
}

export interface CopyWriterOptions {
  /** Lines per COPY (PGlite) or per stream write (PostgreSQL). */
  batchRows?: number;
  /**
   * Copy each batch's lines grouped by their `groupKey`, groups in key order. When the key is the leading
   * column of the table's main index after the constant ones (the ledger's project code), index entries are
   * inserted nearly in key order, touching each index page about once per batch instead of at random
   * (1M ledger rows into PGlite: 23.6 s → 18.5 s of COPY). Grouping is linear; only the distinct keys are sorted.
   */
  groupLines?: boolean;
}

/**
 * A writer that COPYs `table (columns)` through the transaction's own connection; everything it copies commits
 * or rolls back with the transaction. PGlite: one COPY FROM '/dev/blob' per `batchRows` lines. PostgreSQL: one
 * COPY FROM STDIN stream for the whole import, written in `batchRows` chunks with back-pressure, so the server
 * ingests while the next rows are parsed.
 */
export function copyWriter(tx: Tx, driver: Driver, table: string, columns: readonly string[], options: CopyWriterOptions = {}): CopyWriter {
  const batchRows = options.batchRows ?? 50_000;
  const statementFrom = (src: string) => `COPY ${table} (${columns.join(', ')}) FROM ${src} WITH (FORMAT csv)`;
  let lines: string[] = [];
  let groups = new Map<string, string[]>();
  let buffered = 0;
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

  const flush = async (): Promise<void> => {
    if (buffered === 0) {
      return;
    }
    if (options.groupLines) {
      for (const key of [...groups.keys()].sort()) {
        for (const l of groups.get(key)!) {
          lines.push(l);
        }
      }
      groups = new Map();
    }
    const text = `${lines.join('\n')}\n`;
    const n = buffered;
    lines = [];
    buffered = 0;
    if (driver === 'pglite') {
      const client = rawClientOf(tx) as PgliteTxLike;
      await client.query(statementFrom(`'/dev/blob'`), [], { blob: new Blob([text]) });
    } else {
      const st = openStream();
      if (streamError) {
        throw streamError;
      }
      if (!st.write(text)) {
        await Promise.race([once(st, 'drain'), streamDone]);
      }
    }
    copied += n;
  };

  return {
    async push(line, groupKey = '') {
      if (options.groupLines) {
        const g = groups.get(groupKey);
        if (g) {
          g.push(line);
        } else {
          groups.set(groupKey, [line]);
        }
      } else {
        lines.push(line);
      }
      if (++buffered >= batchRows) {
        await flush();
      }
    },
    async finish() {
      await flush();
      if (stream && streamDone) {
        stream.end();
        await streamDone;
        stream = null;
      }
      return copied;
    },
    async abort() {
      lines = [];
      groups = new Map();
      buffered = 0;
      if (stream && streamDone) {
        stream.end();
        await streamDone.catch(() => undefined);
        stream = null;
      }
    },
  };
}
