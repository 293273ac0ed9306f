// A small deterministic PRNG for the demo data (same data on every load) and the draws made from it.
import {
  addDays,
  addWorkingDays,
  isWorkingDay,
} from '@jixiao/core/investment/index';

/** mulberry32: a small deterministic PRNG (same data on every load). */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

export class Rand {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  float(): number {
    return this.next();
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.next() * xs.length)]!;
  }
  weighted<T extends { weight: number }>(xs: readonly T[]): T {
    const total = xs.reduce((t, x) => t + x.weight, 0);
    let r = this.next() * total;
    for (const x of xs) {
      r -= x.weight;
      if (r < 0) {
        return x;
      }
    }
    return xs[xs.length - 1]!;
  }
  shuffle<T>(xs: readonly T[]): T[] {
    const out = [...xs];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  }
  /** A date between two ISO dates (inclusive), on a working day. */
  workday(from: string, to: string): string {
    const span = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;
    for (let tries = 0; tries < 50; tries++) {
      const d = addDays(from, this.int(0, span));
      if (isWorkingDay(d)) {
        return d;
      }
    }
    return addWorkingDays(addDays(from, -1), 1);
  }
}
