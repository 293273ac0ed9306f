// The proposal of one object of the 预算安排建议: its grade (external before self), the rule of that grade and the
// amount the rule leaves of the base. Pure: exact decimals, amounts in 分.
import { d, roundHalfUp } from '../decimal.ts';
import type {
  GradeSource,
  LinkageFacts,
  LinkageGrade,
  LinkageProposal,
  LinkageRuleSet,
} from './types.ts';

/** The grade that counts: the external evaluation's when there is one, else the self-evaluation's. */
export function effectiveGrade(
  selfGrade: LinkageGrade | null,
  externalGrade: LinkageGrade | null,
): { grade: LinkageGrade | null; source: GradeSource } {
  if (externalGrade) {
    return { grade: externalGrade, source: 'external' };
  }
  if (selfGrade) {
    return { grade: selfGrade, source: 'self' };
  }
  return { grade: null, source: null };
}

/** base × (100 − pct) / 100, rounded half-up to the 分. */
export function cutAmountFen(baseFen: number, cutPct: string): number {
  const kept = d(baseFen)
    .times(d(100).minus(d(cutPct)))
    .div(100);
  return Number(roundHalfUp(kept, 0).toString());
}

export function proposeLinkage(rules: LinkageRuleSet, facts: LinkageFacts): LinkageProposal {
  const { grade, source } = effectiveGrade(facts.selfGrade, facts.externalGrade);
  if (!grade) {
    return {
      grade,
      gradeSource: source,
      action: 'UNGRADED',
      cutPct: null,
      amountFen: facts.baseFen,
    };
  }
  const rule = rules[facts.objectType].find((r) => r.grade === grade);
  if (!rule) {
    throw new Error(
      `linkage: no rule for ${facts.objectType} ${grade} (rules are checked on save)`,
    );
  }
  const amountFen =
    rule.action === 'PRIORITY' || rule.action === 'MAINTAIN'
      ? facts.baseFen
      : rule.action === 'CUT'
        ? cutAmountFen(facts.baseFen, rule.cutPct ?? '0')
        : 0;
  return { grade, gradeSource: source, action: rule.action, cutPct: rule.cutPct, amountFen };
}

/** A grade string from storage ('优' …) or null for anything else. */
export function asLinkageGrade(g: string | null | undefined): LinkageGrade | null {
  return g === '优' || g === '良' || g === '中' || g === '差' ? g : null;
}
