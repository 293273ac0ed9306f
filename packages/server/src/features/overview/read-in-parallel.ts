// The overview reads 80 departments' inputs with about twenty small queries each: one after another, the round
// trips dominate (issue 19: ≈ 20 statements × 80 departments). A few departments at a time on the pool's
// connections cut that wall time; the embedded database (one connection) queues them and loses nothing.

/** Departments read at once: a small share of the pool (openDb's default is 10 connections). */
export const OVERVIEW_READ_CONCURRENCY = 4;

/** `fn` on each item, at most `limit` at once; the answers in the items' order. Never use inside a transaction. */
export async function mapInParallel<T, R>(
  items: readonly T[],
  fn: (item: T) => Promise<R>,
  limit = OVERVIEW_READ_CONCURRENCY,
): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}
