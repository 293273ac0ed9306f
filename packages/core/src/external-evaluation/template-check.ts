// Checks of an edited indicator template (§B.3): errors refuse it, warnings are shown.
import { d, dSum, isDecimalString } from '../decimal.ts';
import {
  EXT_EVAL_DIMENSIONS,
  type ExtEvalDimension,
  type ExtEvalIndicatorDef,
  type ExtEvalTemplate,
} from './types.ts';

export type ExtEvalTemplateIssueCode =
  | 'WEIGHT_INVALID'
  | 'WEIGHT_SUM'
  | 'DIMENSION_SUM'
  | 'INDICATOR_NAME'
  | 'MAX_SCORE_INVALID'
  | 'RULE_INVALID'
  | 'RESULT_WEIGHT_LOW';

export interface ExtEvalTemplateIssue {
  code: ExtEvalTemplateIssueCode;
  /** The indicator (0-based) or the 一级 concerned. */
  index?: number;
  dimension?: ExtEvalDimension;
}

const TWO_DP = /^\d+(\.\d{1,2})?$/;
const positive = (s: string) => isDecimalString(s) && d(s).gt(0);
const twoDp = (s: string) => TWO_DP.test(s.trim());

function ruleOk(ind: ExtEvalIndicatorDef): boolean {
  const { rule } = ind;
  const max = d(ind.maxScore);
  switch (rule.type) {
    case 'proportional':
      return rule.cap === undefined || positive(rule.cap);
    case 'deductPerPoint':
      return positive(rule.deduct) && (rule.fullAt === undefined || positive(rule.fullAt));
    case 'tiered':
      return (
        rule.tiers.length > 0 &&
        rule.tiers.every((t) => t.label.trim() !== '' && twoDp(t.score) && !d(t.score).gt(max))
      );
    case 'checklist':
      return (
        rule.items.length > 0 &&
        rule.items.every((s) => s.trim() !== '') &&
        positive(rule.pointsEach)
      );
    case 'manual':
      return true;
  }
}

function indicatorIssues(ind: ExtEvalIndicatorDef, index: number): ExtEvalTemplateIssue[] {
  if (ind.name.trim() === '' || ind.level2.trim() === '') {
    return [{ code: 'INDICATOR_NAME', index }];
  }
  if (!twoDp(ind.maxScore) || !d(ind.maxScore).gt(0)) {
    return [{ code: 'MAX_SCORE_INVALID', index }];
  }
  return ruleOk(ind) ? [] : [{ code: 'RULE_INVALID', index }];
}

export function checkExtEvalTemplate(t: ExtEvalTemplate): {
  errors: ExtEvalTemplateIssue[];
  warnings: ExtEvalTemplateIssue[];
} {
  const weightErrors = EXT_EVAL_DIMENSIONS.filter((dim) => !twoDp(t.weights[dim])).map(
    (dimension) => ({ code: 'WEIGHT_INVALID' as const, dimension }),
  );
  if (weightErrors.length > 0) {
    return { errors: weightErrors, warnings: [] };
  }
  const errors: ExtEvalTemplateIssue[] = [];
  const weight = (dim: ExtEvalDimension) => d(t.weights[dim]);
  if (!dSum(EXT_EVAL_DIMENSIONS.map(weight)).eq(100)) {
    errors.push({ code: 'WEIGHT_SUM' });
  }
  const rowIssues = t.indicators.flatMap(indicatorIssues);
  errors.push(...rowIssues);
  if (rowIssues.length === 0) {
    for (const dimension of EXT_EVAL_DIMENSIONS) {
      const rows = t.indicators.filter((i) => i.dimension === dimension);
      if (!dSum(rows.map((i) => d(i.maxScore))).eq(weight(dimension))) {
        errors.push({ code: 'DIMENSION_SUM', dimension });
      }
    }
  }
  const resultWeight = weight('output').plus(weight('benefit'));
  const warnBelow = isDecimalString(t.resultWeightWarnBelow) ? d(t.resultWeightWarnBelow) : d(60);
  const warnings = resultWeight.lt(warnBelow) ? [{ code: 'RESULT_WEIGHT_LOW' as const }] : [];
  return { errors, warnings };
}
