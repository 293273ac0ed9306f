// The whole self-evaluation: budget + indicator scores, total (rescaled when some indicator is not applicable), grade, findings.
import Big from 'big.js';
import { dSum, roundHalfUp2, toFixed2, type Decimal } from '../decimal.ts';
import { divExact } from './exact.ts';
import * as F from './findings.ts';
import { gradeFor } from './grade.ts';
import { parseScoringInput, type ParseOptions } from './parse-input.ts';
import { resolveRules } from './presets.ts';
import { isBlank } from './read-json.ts';
import { finalScore, formulaScore, missedTarget, overTarget } from './score-indicator.ts';
import { scoreBudget } from './score-budget.ts';
import type {
  Finding,
  FindingCode,
  IndicatorInput,
  IndicatorScore,
  InvalidScoringOutput,
  Level1,
  ScoredOutput,
  ScoringError,
  ScoringInput,
  ScoringOutput,
  ScoringRules,
} from './types.ts';

const ZERO = new Big(0);

interface IndicatorOutcome {
  score: Decimal;
  findings: Finding[];
}

function scoreOne(i: IndicatorInput, rules: ScoringRules): IndicatorOutcome {
  const weight = new Big(i.weight);
  const deduction = new Big(i.deduction ?? '0');
  const findings: Finding[] = [];
  let raw: Decimal;
  if (i.operator === 'QUAL') {
    raw = new Big(i.score ?? '0');
  } else {
    const target = new Big(i.target);
    const actual = new Big(i.actual);
    raw = formulaScore(i.operator, target, actual, weight, rules.reverseFormula);
    if (missedTarget(i.operator, target, actual)) {
      findings.push(F.belowTarget(i, target, actual));
    }
    if (overTarget(i.operator, target, actual, rules)) {
      findings.push(F.overTargetFinding(i, target, actual, rules));
    }
    if (findings.length > 0 && isBlank(i.deviationNote)) {
      findings.push(F.deviationNoteMissing(i));
    }
  }
  if (deduction.gt(0) && isBlank(i.deductionReason)) {
    findings.push(F.deductionWithoutReason(i, deduction));
  }
  return { score: finalScore(raw, weight, deduction), findings };
}

/** Σ weights per level 1 over all indicators; a level 1 the preset does not list (e.g. COST) counts as OUTPUT. */
function level1Findings(indicators: readonly IndicatorInput[], rules: ScoringRules): Finding[] {
  const expected = new Map<Level1, Decimal>();
  for (const [k, v] of Object.entries(rules.level1Weights) as [Level1, string | undefined][]) {
    if (v !== undefined) {
      expected.set(k, new Big(v));
    }
  }
  const findings: Finding[] = [];
  if (expected.size > 0) {
    const actual = new Map<Level1, Decimal>([...expected.keys()].map((k) => [k, ZERO]));
    for (const i of indicators) {
      const key: Level1 = expected.has(i.level1)
        ? i.level1
        : i.level1 === 'COST'
          ? 'OUTPUT'
          : i.level1;
      actual.set(key, (actual.get(key) ?? ZERO).plus(i.weight));
    }
    const differs = [...actual].some(([k, v]) => !v.eq(expected.get(k) ?? ZERO));
    if (differs) {
      findings.push(F.level1Split(actual, expected));
    }
  }
  if (!indicators.some((i) => i.level1 === 'SATISFACTION' && i.applicable !== false)) {
    findings.push(F.noSatisfaction());
  }
  return findings;
}

/** Score an input already validated by parseScoringInput, with its resolved rules. */
function scoreValid(input: ScoringInput, rules: ScoringRules): ScoredOutput {
  const b = input.budget;
  const budgetWeight = new Big(b.weight ?? rules.budgetWeight);
  const adjusted = new Big(b.adjusted);
  const budget = scoreBudget(adjusted, new Big(b.executed), budgetWeight);

  const findings: Finding[] = [];
  if (b.initial !== undefined && !new Big(b.initial).eq(adjusted)) {
    findings.push(F.budgetAdjusted(new Big(b.initial), adjusted));
  }
  if (budget.rate.lt(rules.executionExplainBelow)) {
    findings.push(F.executionLow(budget.rate, rules));
  }
  if (findings.length > 0 && isBlank(b.note)) {
    findings.push(F.budgetNoteMissing());
  }

  const indicators: IndicatorScore[] = [];
  const scores: Decimal[] = [budget.score];
  const weights: Decimal[] = [budgetWeight];
  for (const i of input.indicators) {
    if (i.applicable === false) {
      indicators.push({ id: i.id, score: '0.00', findings: [], applicable: false });
      continue;
    }
    const outcome = scoreOne(i, rules);
    scores.push(outcome.score);
    weights.push(new Big(i.weight));
    findings.push(...outcome.findings);
    const codes = [...new Set<FindingCode>(outcome.findings.map((f) => f.code))];
    indicators.push({
      id: i.id,
      score: toFixed2(outcome.score),
      findings: codes,
      applicable: true,
    });
  }
  findings.push(...level1Findings(input.indicators, rules));

  // Σ applicable scores / Σ applicable weights × 100; equals the plain sum when everything applies (weights = 100).
  const total = roundHalfUp2(divExact(dSum(scores).times(100), dSum(weights)));
  return {
    budget: { rate: toFixed2(budget.rate), score: toFixed2(budget.score) },
    indicators,
    total: toFixed2(total),
    grade: gradeFor(total, rules.gradeBands),
    findings,
    errors: [],
  };
}

/**
 * Score a self-evaluation. The input is validated first (it may have been built in code), so an invalid one
 * gives `{ errors }` and no total, as the contract says. Never throws for any input of the declared type.
 */
export function scoreEvaluation(input: ScoringInput, options: ParseOptions = {}): ScoringOutput {
  const result = scoreFromJson(input, options);
  return 'output' in result ? result.output : result;
}

/** Validate untrusted JSON and score it: `{ output }` when valid, `{ errors }` otherwise. Never throws. */
export function scoreFromJson(
  raw: unknown,
  options: ParseOptions = {},
): { output: ScoredOutput } | { errors: ScoringError[] } {
  const parsed = parseScoringInput(raw, options);
  if (!parsed.ok) {
    return { errors: parsed.error };
  }
  const rules = resolveRules(parsed.value.rules);
  if (!rules.ok) {
    return { errors: rules.error };
  }
  return { output: scoreValid(parsed.value, rules.value) };
}

export function isScored(output: ScoringOutput): output is ScoredOutput {
  return 'total' in output;
}

export function isInvalid(output: ScoringOutput): output is InvalidScoringOutput {
  return !('total' in output);
}
