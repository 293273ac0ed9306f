// The budget gate (§A.5): an item that needs an assessment receives a 年初 budget line only when its latest
// conclusion is 予以支持, or 调整完善后予以支持 confirmed by the finance bureau.
import type { ExAnteConclusion } from './types.ts';

export interface GateFacts {
  required: boolean;
  /** The latest concluded version; null when none has concluded yet. */
  latest: { conclusion: ExAnteConclusion; confirmed: boolean } | null;
}

export type GateRefusal = 'NOT_ASSESSED' | 'REJECTED' | 'REVISION_UNCONFIRMED';

export type GateDecision = { allowed: true } | { allowed: false; reason: GateRefusal };

export const GATE_REFUSAL_TEXT: Readonly<Record<GateRefusal, { zh: string; en: string }>> = {
  NOT_ASSESSED: {
    zh: '须开展事前绩效评估并形成评估结论后方可安排预算',
    en: 'needs a concluded ex-ante assessment before it can be budgeted',
  },
  REJECTED: {
    zh: '事前绩效评估结论为「不予支持」，不得安排预算',
    en: 'the ex-ante conclusion is "do not support": it cannot be budgeted',
  },
  REVISION_UNCONFIRMED: {
    zh: '事前绩效评估结论为「调整完善后予以支持」，须调整完善并经财政部门确认后方可安排预算',
    en: 'the ex-ante conclusion is "support after revision": it needs revising and the bureau’s confirmation',
  },
};

export function budgetGate(facts: GateFacts): GateDecision {
  if (!facts.required) {
    return { allowed: true };
  }
  const latest = facts.latest;
  if (latest === null) {
    return { allowed: false, reason: 'NOT_ASSESSED' };
  }
  switch (latest.conclusion) {
    case 'SUPPORT':
      return { allowed: true };
    case 'SUPPORT_AFTER_REVISION':
      return latest.confirmed
        ? { allowed: true }
        : { allowed: false, reason: 'REVISION_UNCONFIRMED' };
    case 'REJECT':
      return { allowed: false, reason: 'REJECTED' };
  }
}
