// Validating untrusted JSON into a ScoringInput: every problem becomes a coded, bilingual ScoringError.
import Big from 'big.js';
import { toFixed2, type Decimal } from '../decimal.ts';
import { err, ok, type Result } from '../result.ts';
import { coded, indicatorLabel, sentence } from './messages.ts';
import { parseRulesObject } from './parse-rules.ts';
import { resolveRules } from './presets.ts';
import { inBand, qualBandExact } from './qualitative-band.ts';
import {
  isJsonObject,
  jsonType,
  readDecimal,
  readText,
  readTextOrNumber,
  shorten,
} from './read-json.ts';
import { parseLevel1, parseOperator, parseQualLevel, QUAL_LEVEL_TEXT } from './vocabulary.ts';
import type {
  BudgetInput,
  IndicatorInput,
  RulesOverride,
  ScoringError,
  ScoringErrorCode,
  ScoringInput,
  ScoringRules,
  SubjectInput,
} from './types.ts';

export interface ParseOptions {
  /** Use this preset whatever `rules.preset` says (the CLI's --preset); the input's other overrides still apply. */
  preset?: string;
}

type Fail = (code: ScoringErrorCode, zh: string, en: string) => void;
type Field = { zh: string; en: string };
type Num = { text: string; value: Decimal };

function failFor(errors: ScoringError[], indicator: string | null, label: Field): Fail {
  return (code, zh, en) =>
    errors.push(coded(code, indicator, `${label.zh}：${zh}`, sentence(`${label.en}: ${en}`)));
}

/**
 * A decimal field. Blank text counts as absent. `absentCode` is the error when it is absent (undefined: optional);
 * `nanCode` when it is text that is not a decimal. Negative values are SCHEMA errors unless `signed`
 * (targets and actuals: negative actuals count as 0).
 */
function decimalField(
  v: unknown,
  f: Field,
  fail: Fail,
  absentCode: ScoringErrorCode | undefined,
  nanCode: ScoringErrorCode = 'SCHEMA',
  signed = false,
): Num | 'absent' | 'invalid' {
  const r = readDecimal(typeof v === 'string' && v.trim() === '' ? undefined : v);
  switch (r.kind) {
    case 'absent':
      if (absentCode !== undefined) {
        fail(absentCode, `缺少${f.zh}`, `${f.en} is missing`);
        return 'invalid';
      }
      return 'absent';
    case 'wrongType':
      fail(
        'SCHEMA',
        `${f.zh}应为数字字符串，实际为 ${r.type}`,
        `${f.en} must be a decimal string, got ${r.type}`,
      );
      return 'invalid';
    case 'notANumber':
      fail(nanCode, `${f.zh}"${r.shown}"不是数字`, `${f.en} "${r.shown}" is not a number`);
      return 'invalid';
    case 'ok':
      if (!signed && r.value.lt(0)) {
        fail(
          'SCHEMA',
          `${f.zh}不能为负数（${r.text}）`,
          `${f.en} must not be negative (${r.text})`,
        );
        return 'invalid';
      }
      return { text: r.text, value: r.value };
  }
}

/** An optional text field (string or null). */
function optionalText(v: unknown, f: Field, fail: Fail): string | null | undefined {
  const r = readText(v);
  if (r.kind === 'wrongType') {
    fail('SCHEMA', `${f.zh}应为文本，实际为 ${r.type}`, `${f.en} must be text, got ${r.type}`);
    return undefined;
  }
  return r.kind === 'ok' ? r.text : v === null ? null : undefined;
}

function parseSubject(raw: unknown, errors: ScoringError[]): SubjectInput | null {
  const fail = failFor(errors, null, { zh: '评价对象 subject', en: 'subject' });
  if (!isJsonObject(raw)) {
    fail(
      'SCHEMA',
      `必须是对象，实际为 ${jsonType(raw)}`,
      `must be an object, got ${jsonType(raw)}`,
    );
    return null;
  }
  const before = errors.length;
  const { kind, name, year } = raw;
  if (kind !== 'project' && kind !== 'department') {
    fail(
      'SCHEMA',
      'kind 必须是 "project"（项目）或 "department"（部门整体）',
      'kind must be "project" or "department"',
    );
  }
  if (typeof name !== 'string' || name.trim() === '') {
    fail('SCHEMA', '缺少名称 name', 'name is missing');
  }
  if (
    year !== undefined &&
    year !== null &&
    !(typeof year === 'number' && Number.isInteger(year))
  ) {
    fail('SCHEMA', 'year 必须是整数年份', 'year must be a whole year');
  }
  const unit = optionalText(raw['unit'], { zh: '单位 unit', en: 'unit' }, fail);
  if (
    errors.length > before ||
    (kind !== 'project' && kind !== 'department') ||
    typeof name !== 'string'
  ) {
    return null;
  }
  return {
    kind,
    name: name.trim(),
    ...(typeof year === 'number' ? { year } : {}),
    ...(typeof unit === 'string' ? { unit } : {}),
  };
}

interface ParsedBudget {
  budget: BudgetInput | null;
  /** The explicit weight, 'absent' (the preset's applies) or 'invalid'. */
  weight: Num | 'absent' | 'invalid';
}

function parseBudget(raw: unknown, errors: ScoringError[]): ParsedBudget {
  const fail = failFor(errors, null, { zh: '项目资金 budget', en: 'budget' });
  if (!isJsonObject(raw)) {
    fail(
      'SCHEMA',
      `必须是对象，实际为 ${jsonType(raw)}`,
      `must be an object, got ${jsonType(raw)}`,
    );
    return { budget: null, weight: 'invalid' };
  }
  const before = errors.length;
  const adjusted = decimalField(
    raw['adjusted'],
    { zh: '全年预算数 adjusted', en: 'adjusted budget' },
    fail,
    'BUDGET_ZERO',
  );
  if (typeof adjusted === 'object' && adjusted.value.eq(0)) {
    fail(
      'BUDGET_ZERO',
      '全年预算数为 0，无法计算执行率',
      'the adjusted budget is 0, the execution rate cannot be computed',
    );
  }
  const executed = decimalField(
    raw['executed'],
    { zh: '全年执行数 executed', en: 'executed amount' },
    fail,
    'SCHEMA',
  );
  const initial = decimalField(
    raw['initial'],
    { zh: '年初预算数 initial', en: 'initial budget' },
    fail,
    undefined,
  );
  const weight = decimalField(raw['weight'], { zh: '分值 weight', en: 'weight' }, fail, undefined);
  const note = optionalText(raw['note'], { zh: '说明 note', en: 'note' }, fail);
  if (errors.length > before || typeof adjusted !== 'object' || typeof executed !== 'object') {
    return { budget: null, weight };
  }
  return {
    budget: {
      adjusted: adjusted.text,
      executed: executed.text,
      ...(typeof initial === 'object' ? { initial: initial.text } : {}),
      ...(typeof weight === 'object' ? { weight: weight.text } : {}),
      ...(note !== undefined ? { note } : {}),
    },
    weight,
  };
}

interface ParsedIndicator {
  indicator: IndicatorInput | null;
  id: string | null;
  weight: Num | 'invalid';
  applicable: boolean;
}

function parseIndicator(
  raw: unknown,
  index: number,
  rules: ScoringRules | null,
  errors: ScoringError[],
): ParsedIndicator {
  const position = { zh: `第 ${index + 1} 个指标`, en: `indicators[${index}]` };
  if (!isJsonObject(raw)) {
    failFor(errors, null, position)(
      'SCHEMA',
      `必须是对象，实际为 ${jsonType(raw)}`,
      `must be an object, got ${jsonType(raw)}`,
    );
    return { indicator: null, id: null, weight: 'invalid', applicable: true };
  }
  const before = errors.length;
  const idRead = readTextOrNumber(raw['id']);
  const id = idRead.kind === 'ok' && idRead.text.trim() !== '' ? idRead.text.trim() : null;
  const nameRaw = raw['name'];
  const name = typeof nameRaw === 'string' && nameRaw.trim() !== '' ? nameRaw.trim() : undefined;
  const fail = failFor(errors, id, id === null ? position : indicatorLabel(id, name));
  if (id === null) {
    fail('SCHEMA', '缺少指标编号 id', 'id is missing');
  }
  if (name === undefined) {
    fail('SCHEMA', '缺少三级指标名称 name', 'name is missing');
  }
  const level1Raw = raw['level1'];
  const level1 = typeof level1Raw === 'string' ? parseLevel1(level1Raw) : null;
  if (level1 === null) {
    fail(
      'SCHEMA',
      `一级指标 level1 应为 产出指标、效益指标、满意度指标 或 成本指标，实际为 ${shown(level1Raw)}`,
      `level1 must be 产出指标, 效益指标, 满意度指标 or 成本指标, got ${shown(level1Raw)}`,
    );
  }
  const operatorRaw = raw['operator'];
  const operator = typeof operatorRaw === 'string' ? parseOperator(operatorRaw) : null;
  if (operator === null) {
    fail(
      'SCHEMA',
      `指标性质 operator 应为 ≥ ＞ ＝ ＜ ≤ 定性 之一，实际为 ${shown(operatorRaw)}`,
      `operator must be one of ≥ ＞ ＝ ＜ ≤ 定性 (or >= > = < <=), got ${shown(operatorRaw)}`,
    );
  }
  const applicableRaw = raw['applicable'];
  if (applicableRaw !== undefined && applicableRaw !== null && typeof applicableRaw !== 'boolean') {
    fail('SCHEMA', 'applicable 必须是 true 或 false', 'applicable must be true or false');
  }
  const applicable = applicableRaw !== false;
  const weight = decimalField(raw['weight'], { zh: '分值 weight', en: 'weight' }, fail, 'SCHEMA');
  const deduction = decimalField(
    raw['deduction'],
    { zh: '扣分 deduction', en: 'deduction' },
    fail,
    undefined,
  );
  const level2 = optionalText(raw['level2'], { zh: '二级指标 level2', en: 'level2' }, fail);
  const unit = optionalText(raw['unit'], { zh: '计量单位 unit', en: 'unit' }, fail);
  const deductionReason = optionalText(
    raw['deductionReason'],
    { zh: '扣分理由', en: 'deductionReason' },
    fail,
  );
  const deviationNote = optionalText(
    raw['deviationNote'],
    { zh: '偏差原因分析 deviationNote', en: 'deviationNote' },
    fail,
  );

  const values =
    operator === null ? null : parseValues(raw, operator, applicable, weight, rules, fail);
  const w = typeof weight === 'object' ? weight : 'invalid';
  if (
    errors.length > before ||
    id === null ||
    name === undefined ||
    level1 === null ||
    operator === null ||
    values === null ||
    w === 'invalid'
  ) {
    return { indicator: null, id, weight: w, applicable };
  }
  const indicator: IndicatorInput = {
    id,
    level1,
    ...(typeof level2 === 'string' ? { level2 } : {}),
    name,
    operator,
    target: values.target,
    actual: values.actual,
    ...(typeof unit === 'string' ? { unit } : {}),
    weight: w.text,
    ...(values.score !== undefined ? { score: values.score } : {}),
    ...(typeof deduction === 'object' ? { deduction: deduction.text } : {}),
    ...(typeof deductionReason === 'string' ? { deductionReason } : {}),
    ...(typeof deviationNote === 'string' ? { deviationNote } : {}),
    applicable,
  };
  return { indicator, id, weight: w, applicable };
}

function shown(v: unknown): string {
  return typeof v === 'string' ? `"${shorten(v)}"` : jsonType(v);
}

/** target, actual and (定性) score, checked by operator; null when invalid (errors already pushed). */
function parseValues(
  raw: Record<string, unknown>,
  operator: NonNullable<ReturnType<typeof parseOperator>>,
  applicable: boolean,
  weight: Num | 'absent' | 'invalid',
  rules: ScoringRules | null,
  fail: Fail,
): { target: string; actual: string; score?: string } | null {
  const targetField = { zh: '年度指标值 target', en: 'target' };
  const actualField = { zh: '实际完成值 actual', en: 'actual' };
  if (!applicable) {
    // Not assessed: values may be missing; only JSON types are checked.
    const target = readTextOrNumber(raw['target']);
    const actual = readTextOrNumber(raw['actual']);
    const score = decimalField(raw['score'], { zh: '得分 score', en: 'score' }, fail, undefined);
    if (target.kind === 'wrongType' || actual.kind === 'wrongType') {
      fail(
        'SCHEMA',
        '年度指标值和实际完成值应为文本或数字',
        'target and actual must be text or numbers',
      );
      return null;
    }
    if (score === 'invalid') {
      return null;
    }
    const actualText = actual.kind === 'ok' ? actual.text : '';
    return {
      target: target.kind === 'ok' ? target.text : '',
      actual: operator === 'QUAL' ? (parseQualLevel(actualText) ?? actualText) : actualText,
      ...(typeof score === 'object' ? { score: score.text } : {}),
    };
  }
  if (operator !== 'QUAL') {
    const target = decimalField(raw['target'], targetField, fail, 'SCHEMA', 'NOT_A_NUMBER', true);
    const actual = decimalField(raw['actual'], actualField, fail, 'SCHEMA', 'NOT_A_NUMBER', true);
    return typeof target === 'object' && typeof actual === 'object'
      ? { target: target.text, actual: actual.text }
      : null;
  }
  const target = readTextOrNumber(raw['target']);
  if (target.kind !== 'ok') {
    fail(
      'SCHEMA',
      '缺少定性指标的年度指标值 target（文字）',
      'the qualitative target (text) is missing',
    );
  }
  const actualRaw = raw['actual'];
  const level = typeof actualRaw === 'string' ? parseQualLevel(actualRaw) : null;
  if (actualRaw === undefined || actualRaw === null) {
    fail('SCHEMA', '缺少实际完成值 actual', 'actual is missing');
  } else if (level === null) {
    const options = Object.values(QUAL_LEVEL_TEXT).join('、');
    fail(
      'QUAL_LEVEL',
      `定性指标的实际完成值 ${shown(actualRaw)} 应为 ${options} 之一`,
      `a qualitative actual must be one of ${options}, got ${shown(actualRaw)}`,
    );
  }
  const score = decimalField(
    raw['score'],
    { zh: '得分 score', en: 'score' },
    fail,
    'QUAL_SCORE_MISSING',
  );
  if (typeof score === 'object' && level !== null && typeof weight === 'object' && rules !== null) {
    const band = qualBandExact(level, weight.value, rules.qualitativeBands);
    if (!inBand(score.value, band)) {
      const range = `[${toFixed2(band.min)}, ${toFixed2(band.max)}${band.maxInclusive ? ']' : ')'}`;
      fail(
        'QUAL_SCORE_OUT_OF_BAND',
        `得分 ${score.text} 不在「${QUAL_LEVEL_TEXT[level]}」的分值区间 ${range} 内`,
        `score ${score.text} lies outside the band ${range} of "${QUAL_LEVEL_TEXT[level]}"`,
      );
    }
  }
  if (target.kind !== 'ok' || level === null || typeof score !== 'object') {
    return null;
  }
  return { target: target.text, actual: level, score: score.text };
}

/**
 * Validate an untrusted value (parsed JSON, or a ScoringInput built in code) against the scoring contract.
 * Collects every error it can find. Unknown fields are ignored, except inside `rules`.
 */
export function parseScoringInput(
  raw: unknown,
  options: ParseOptions = {},
): Result<ScoringInput, ScoringError[]> {
  const errors: ScoringError[] = [];
  const top = failFor(errors, null, { zh: '输入', en: 'input' });
  if (!isJsonObject(raw)) {
    top(
      'SCHEMA',
      `必须是 JSON 对象，实际为 ${jsonType(raw)}`,
      `must be a JSON object, got ${jsonType(raw)}`,
    );
    return err(errors);
  }
  if (raw['version'] !== 1) {
    top(
      'SCHEMA',
      `version 必须为 1，实际为 ${shown(raw['version'])}`,
      `version must be 1, got ${shown(raw['version'])}`,
    );
  }
  const parsedRules = parseRulesObject(raw['rules']);
  errors.push(...parsedRules.errors);
  const override: RulesOverride =
    options.preset !== undefined
      ? { ...parsedRules.rules, preset: options.preset }
      : parsedRules.rules;
  let rules: ScoringRules | null = null;
  if (parsedRules.errors.length === 0) {
    const resolved = resolveRules(override);
    if (resolved.ok) {
      rules = resolved.value;
    } else {
      errors.push(...resolved.error);
    }
  }
  const subject = parseSubject(raw['subject'], errors);
  const { budget, weight: budgetWeight } = parseBudget(raw['budget'], errors);
  const indicatorsRaw = raw['indicators'];
  if (!Array.isArray(indicatorsRaw)) {
    top(
      'SCHEMA',
      `indicators 必须是数组，实际为 ${jsonType(indicatorsRaw)}`,
      `indicators must be an array, got ${jsonType(indicatorsRaw)}`,
    );
    return err(errors);
  }
  const parsed = indicatorsRaw.map((x, i) => parseIndicator(x, i, rules, errors));
  checkDuplicateIds(parsed, errors);
  const bw =
    typeof budgetWeight === 'object'
      ? budgetWeight.value
      : budgetWeight === 'absent' && rules !== null
        ? new Big(rules.budgetWeight)
        : null;
  checkWeights(parsed, bw, errors);

  if (errors.length > 0 || subject === null || budget === null) {
    return err(errors);
  }
  const indicators = parsed.map((p) => p.indicator).filter((x): x is IndicatorInput => x !== null);
  const hasRules = Object.keys(override).length > 0;
  return ok({ version: 1, ...(hasRules ? { rules: override } : {}), subject, budget, indicators });
}

function checkDuplicateIds(parsed: readonly ParsedIndicator[], errors: ScoringError[]): void {
  const counts = new Map<string, number>();
  for (const p of parsed) {
    if (p.id !== null) {
      counts.set(p.id, (counts.get(p.id) ?? 0) + 1);
    }
  }
  for (const [id, n] of counts) {
    if (n > 1) {
      errors.push(
        coded(
          'DUPLICATE_ID',
          id,
          `指标编号 ${id} 重复出现 ${n} 次`,
          `Indicator id ${id} is used ${n} times`,
        ),
      );
    }
  }
}

/** Budget weight + Σ indicator weights (applicable or not) = 100, and something applicable carries weight. */
function checkWeights(
  parsed: readonly ParsedIndicator[],
  budgetWeight: Decimal | null,
  errors: ScoringError[],
): void {
  if (budgetWeight === null || parsed.some((p) => p.weight === 'invalid')) {
    return; // already reported
  }
  let total = budgetWeight;
  let applicable = budgetWeight;
  for (const p of parsed) {
    if (typeof p.weight === 'object') {
      total = total.plus(p.weight.value);
      applicable = p.applicable ? applicable.plus(p.weight.value) : applicable;
    }
  }
  if (!total.eq(100)) {
    const t = total.toFixed();
    errors.push(
      coded(
        'WEIGHT_SUM',
        null,
        `预算执行分值 ${budgetWeight.toFixed()} 与各指标分值合计为 ${t}，应为 100`,
        `Budget weight ${budgetWeight.toFixed()} plus indicator weights total ${t}, not 100`,
      ),
    );
  } else if (applicable.eq(0)) {
    errors.push(
      coded(
        'WEIGHT_SUM',
        null,
        '适用的分值合计为 0，无法折算总分',
        'Applicable weights total 0; the total cannot be rescaled',
      ),
    );
  }
}
