// Results that do not change between writes, computed once per data version. Every write of business data
// appends to the audit chain in its own transaction (the audit trigger refuses it otherwise), so the chain
// head's sequence number is a version of all the data: a cached result is served while the head has not moved,
// and recomputed after any write. Callers that arrive while a result is computed wait for that computation
// (single flight), so 20 sessions opening the same page cost one computation, not 20.
import { eq } from 'drizzle-orm';
import type { Queryable } from './open-db.ts';
import { auditChainHead } from './schema/audit.ts';

/** The data version: the audit chain head's sequence number (0 for an empty database). */
export async function dataVersion(db: Queryable): Promise<number> {
  const rows = await db
    .select({ seq: auditChainHead.lastSeq })
    .from(auditChainHead)
    .where(eq(auditChainHead.id, 1));
  return rows[0]?.seq ?? 0;
}

const databaseIds = new WeakMap<object, number>();
let nextDatabaseId = 1;

/** A number per database handle: one process may hold several databases (the tests do). */
function databaseId(db: Queryable): number {
  let id = databaseIds.get(db);
  if (id === undefined) {
    id = nextDatabaseId++;
    databaseIds.set(db, id);
  }
  return id;
}

export class VersionedCache<T> {
  private readonly entries = new Map<string, { version: number; value: Promise<T> }>();

  constructor(private readonly maxEntries = 256) {}

  /** The cached value of `key` at the current data version, or `compute()`'s (then kept). */
  async get(db: Queryable, name: string, compute: () => Promise<T>): Promise<T> {
    const key = `${databaseId(db)}|${name}`;
    const version = await dataVersion(db);
    const hit = this.entries.get(key);
    if (hit !== undefined && hit.version === version) {
      return hit.value;
    }
    const value = compute();
    this.entries.delete(key); // re-inserted last: the Map's order is the eviction order
    this.entries.set(key, { version, value });
    while (this.entries.size > this.maxEntries) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    value.catch(() => {
      if (this.entries.get(key)?.value === value) {
        this.entries.delete(key); // a failure is not remembered
      }
    });
    return value;
  }
}
