// One full garbage collection when the server falls quiet after work: `quietMs` without a request after at least
// one request since the last collection. V8 collects only under allocation pressure, which an idle server never
// creates, so the garbage of the last burst (a report rendered, a month of ledger imported) would otherwise stay
// resident until the next burst (issue 19: idle RSS ≤ 600 MB and flat after load). At most one collection per
// quiet period; a collection of the server's heap takes tens of milliseconds, when nobody is waiting.
import { collectGarbage } from './collect-garbage.ts';

export const IDLE_COLLECT_AFTER_MS = 10_000;

export interface IdleCollector {
  /** A request arrived: postpone the collection until `quietMs` after it. */
  touch: () => void;
  stop: () => void;
}

export function idleCollector(
  quietMs = IDLE_COLLECT_AFTER_MS,
  collect: () => void = collectGarbage,
): IdleCollector {
  let worked = false;
  const timer = setTimeout(() => {
    if (worked) {
      worked = false;
      collect();
    }
  }, quietMs);
  timer.unref();
  return {
    touch: () => {
      worked = true;
      timer.refresh();
    },
    stop: () => clearTimeout(timer),
  };
}
