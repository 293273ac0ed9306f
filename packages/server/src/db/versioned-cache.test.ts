// The cache of results that do not change between writes (issue 16, point 10): one computation for callers that
// come together, the same result while nothing is written, a new one after any write, failures not remembered.
import { expect, it } from 'vitest';
import { describeEachDb, fixtureWrite } from './test-db.ts';
import { dataVersion, VersionedCache } from './versioned-cache.ts';

describeEachDb(
  'VersionedCache',
  (use) => {
    it('computes once for callers that arrive together, again only after a write', async () => {
      const db = use().db;
      const cache = new VersionedCache<number>();
      let computed = 0;
      const compute = async (): Promise<number> => {
        computed += 1;
        return computed;
      };
      const together = await Promise.all([1, 2, 3, 4].map(() => cache.get(db, 'k', compute)));
      expect(together).toEqual([1, 1, 1, 1]);
      expect(await cache.get(db, 'k', compute)).toBe(1);
      const before = await dataVersion(db);
      await fixtureWrite(db, 'a write moves the data version', async () => undefined);
      expect(await dataVersion(db)).toBeGreaterThan(before);
      expect(await cache.get(db, 'k', compute)).toBe(2);
      expect(await cache.get(db, 'other', compute)).toBe(3); // keys are separate
    });

    it('does not remember a failure, and keeps at most its size', async () => {
      const db = use().db;
      const cache = new VersionedCache<string>(2);
      await expect(cache.get(db, 'k', () => Promise.reject(new Error('boom')))).rejects.toThrow(
        'boom',
      );
      expect(await cache.get(db, 'k', () => Promise.resolve('ok'))).toBe('ok');
      await cache.get(db, 'b', () => Promise.resolve('b'));
      await cache.get(db, 'c', () => Promise.resolve('c'));
      // 'k' was the oldest of three in a cache of two: computed again
      expect(await cache.get(db, 'k', () => Promise.resolve('again'))).toBe('again');
    });
  },
  'empty',
);
