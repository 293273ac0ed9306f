// Validating a `rules` object (from an input or a preset file) into a RulesOverride; every problem is SCHEMA.
import { isJsonObject, jsonType, readDecimal } from './read-json.ts';
import { coded } from './messages.ts';
import { parseLevel1 } from './vocabulary.ts';
import type { Level1, RulesOverride, ScoringError, ScoringRules } from './types.ts';
import type { Decimal } from '../decimal.ts';

const RULE_KEYS = [
  'preset',
  'reverseFormula',
  'qualitativeBands',
  'overTargetRatio',
  'overTargetWhenZeroTarget',
  'executionExplainBelow',
  'budgetWeight',
  'level1Weights',
  'gradeBands',
] as const;

function schema(zh: string, en: string): ScoringError {
  return coded('SCHEMA', null, zh, en);
}

/** A non-negative decimal rule value; pushes an error and returns null otherwise. */
function ruleDecimal(
  raw: unknown,
  key: string,
  errors: ScoringError[],
): { text: string; value: Decimal } | null {
  const r = readDecimal(raw);
  if (r.kind === 'ok' && r.value.gte(0)) {
    return r;
  }
  errors.push(schema(`规则 ${key} 必须是不小于 0 的数字`, `rules.${key} must be a number ≥ 0`));
  return null;
}

/**
 * Parse a rules object. Unknown keys are rejected (a misspelt override must not be ignored silently).
 * `undefined`/`null` mean "no overrides".
 */
export function parseRulesObject(raw: unknown): { rules: RulesOverride; errors: ScoringError[] } {
  const errors: ScoringError[] = [];
  const rules: RulesOverride = {};
  if (raw === undefined || raw === null) {
    return { rules, errors };
  }
  if (!isJsonObject(raw)) {
    return {
      rules,
      errors: [
        schema(
          `rules 必须是对象，实际为 ${jsonType(raw)}`,
          `rules must be an object, got ${jsonType(raw)}`,
        ),
      ],
    };
  }
  for (const key of Object.keys(raw)) {
    if (!(RULE_KEYS as readonly string[]).includes(key)) {
      errors.push(schema(`未知的规则项 rules.${key}`, `unknown rule rules.${key}`));
    }
  }
  if (raw['preset'] !== undefined) {
    if (typeof raw['preset'] === 'string' && raw['preset'].trim() !== '') {
      rules.preset = raw['preset'].trim();
    } else {
      errors.push(schema('rules.preset 必须是规则预设名称', 'rules.preset must be a preset name'));
    }
  }
  if (raw['reverseFormula'] !== undefined) {
    const f = raw['reverseFormula'];
    if (f === 'mof-linear' || f === 'ratio') {
      rules.reverseFormula = f;
    } else {
      errors.push(
        schema(
          'rules.reverseFormula 只能是 "mof-linear" 或 "ratio"',
          'rules.reverseFormula must be "mof-linear" or "ratio"',
        ),
      );
    }
  }
  if (raw['qualitativeBands'] !== undefined) {
    const b = raw['qualitativeBands'];
    const hi = Array.isArray(b) && b.length === 2 ? readDecimal(b[0]) : null;
    const lo = Array.isArray(b) && b.length === 2 ? readDecimal(b[1]) : null;
    if (
      hi?.kind === 'ok' &&
      lo?.kind === 'ok' &&
      lo.value.gte(0) &&
      lo.value.lte(hi.value) &&
      hi.value.lte(1)
    ) {
      rules.qualitativeBands = [hi.text, lo.text];
    } else {
      errors.push(
        schema(
          'rules.qualitativeBands 必须是两个比例 [达成下限, 部分达成下限]，且 1 ≥ 达成下限 ≥ 部分达成下限 ≥ 0',
          'rules.qualitativeBands must be two fractions [achievedMin, partialMin] with 1 ≥ achievedMin ≥ partialMin ≥ 0',
        ),
      );
    }
  }
  for (const key of [
    'overTargetRatio',
    'overTargetWhenZeroTarget',
    'executionExplainBelow',
    'budgetWeight',
  ] as const) {
    if (raw[key] !== undefined) {
      const v = ruleDecimal(raw[key], key, errors);
      if (v !== null) {
        rules[key] = v.text;
      }
    }
  }
  if (raw['level1Weights'] !== undefined) {
    const w = parseLevel1Weights(raw['level1Weights'], errors);
    if (w !== null) {
      rules.level1Weights = w;
    }
  }
  if (raw['gradeBands'] !== undefined) {
    const g = parseGradeBands(raw['gradeBands'], errors);
    if (g !== null) {
      rules.gradeBands = g;
    }
  }
  return { rules, errors };
}

function parseLevel1Weights(
  raw: unknown,
  errors: ScoringError[],
): Partial<Record<Level1, string>> | null {
  if (!isJsonObject(raw)) {
    errors.push(schema('rules.level1Weights 必须是对象', 'rules.level1Weights must be an object'));
    return null;
  }
  const out: Partial<Record<Level1, string>> = {};
  let ok = true;
  for (const [k, v] of Object.entries(raw)) {
    const level = parseLevel1(k);
    const w = ruleDecimal(v, `level1Weights.${k}`, errors);
    if (level === null) {
      errors.push(
        schema(
          `rules.level1Weights 中未知的一级指标 ${k}`,
          `unknown level-1 indicator ${k} in rules.level1Weights`,
        ),
      );
      ok = false;
    } else if (w === null) {
      ok = false;
    } else {
      out[level] = w.text;
    }
  }
  return ok ? out : null;
}

function parseGradeBands(raw: unknown, errors: ScoringError[]): ScoringRules['gradeBands'] | null {
  const bad = schema(
    'rules.gradeBands 必须是 {"excellent","good","fair"} 三个分数线，且 100 ≥ excellent ≥ good ≥ fair ≥ 0',
    'rules.gradeBands must be {"excellent","good","fair"} with 100 ≥ excellent ≥ good ≥ fair ≥ 0',
  );
  if (!isJsonObject(raw)) {
    errors.push(bad);
    return null;
  }
  const e = readDecimal(raw['excellent']);
  const g = readDecimal(raw['good']);
  const f = readDecimal(raw['fair']);
  if (
    e.kind !== 'ok' ||
    g.kind !== 'ok' ||
    f.kind !== 'ok' ||
    Object.keys(raw).length !== 3 ||
    !(e.value.lte(100) && e.value.gte(g.value) && g.value.gte(f.value) && f.value.gte(0))
  ) {
    errors.push(bad);
    return null;
  }
  return { excellent: e.text, good: g.text, fair: f.text };
}

/** A preset's rules must set every field. Returns the missing keys. */
export function missingRuleKeys(rules: RulesOverride): string[] {
  return RULE_KEYS.filter((k) => k !== 'preset' && rules[k] === undefined);
}
