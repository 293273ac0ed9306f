// Rule presets are data (presets/*.json), one per region and year; an input's `rules` override a preset's fields.
import mof2020 from './presets/mof-2020.json' with { type: 'json' };
import hubeiVariant from './presets/hubei-variant.json' with { type: 'json' };
import { err, ok, type Result } from '../result.ts';
import { coded } from './messages.ts';
import { isJsonObject } from './read-json.ts';
import { missingRuleKeys, parseRulesObject } from './parse-rules.ts';
import type { RulesOverride, ScoringError, ScoringRules } from './types.ts';

export interface ScoringPreset {
  name: string;
  title: string;
  titleEn: string;
  /** 6-digit 行政区划代码; "000000" = national, "420000" = a whole province, "420100" = a whole city. */
  regionCode: string;
  /** First fiscal year the preset applies to. */
  fromYear: number;
  source: string;
  rules: ScoringRules;
}

export const DEFAULT_PRESET_NAME = 'mof-2020';

/** Validate a preset file. A broken bundled preset is a bug, so this throws. */
function loadPreset(raw: unknown): ScoringPreset {
  if (!isJsonObject(raw)) {
    throw new Error('scoring preset: not an object');
  }
  const { name, title, titleEn, regionCode, fromYear, source } = raw;
  if (
    typeof name !== 'string' ||
    typeof title !== 'string' ||
    typeof titleEn !== 'string' ||
    typeof regionCode !== 'string' ||
    !/^\d{6}$/.test(regionCode) ||
    typeof fromYear !== 'number' ||
    !Number.isInteger(fromYear) ||
    typeof source !== 'string'
  ) {
    throw new Error(`scoring preset ${String(name)}: bad metadata`);
  }
  const { rules, errors } = parseRulesObject(raw['rules']);
  const missing = missingRuleKeys(rules);
  if (errors.length > 0 || missing.length > 0 || rules.preset !== undefined) {
    const why = [...errors.map((e) => e.messageEn), ...missing.map((k) => `missing ${k}`)].join(
      '; ',
    );
    throw new Error(`scoring preset ${name}: ${why || 'must not name a preset'}`);
  }
  return {
    name,
    title,
    titleEn,
    regionCode,
    fromYear,
    source,
    rules: { ...(rules as Omit<ScoringRules, 'preset'>), preset: name },
  };
}

const PRESETS: readonly ScoringPreset[] = [loadPreset(mof2020), loadPreset(hubeiVariant)];

export function listPresets(): readonly ScoringPreset[] {
  return PRESETS;
}

export function getPreset(name: string): ScoringPreset | undefined {
  return PRESETS.find((p) => p.name === name);
}

export function defaultPreset(): ScoringPreset {
  const p = getPreset(DEFAULT_PRESET_NAME);
  if (p === undefined) {
    throw new Error(`default scoring preset ${DEFAULT_PRESET_NAME} is missing`);
  }
  return p;
}

/** How many leading digits of a division code a preset's region fixes: 0 national, 2 province, 4 city, 6 county. */
function regionDepth(code: string): number {
  if (code === '000000') {
    return 0;
  }
  if (code.endsWith('0000')) {
    return 2;
  }
  return code.endsWith('00') ? 4 : 6;
}

/**
 * The preset for a 6-digit region code and fiscal year: the most specific region that contains it, then the
 * latest `fromYear` not after `year`; the national default when nothing matches.
 */
export function presetFor(regionCode: string, year: number): ScoringPreset {
  let best: ScoringPreset | undefined;
  for (const p of PRESETS) {
    const depth = regionDepth(p.regionCode);
    if (p.fromYear > year || regionCode.slice(0, depth) !== p.regionCode.slice(0, depth)) {
      continue;
    }
    const bestDepth = best === undefined ? -1 : regionDepth(best.regionCode);
    if (
      best === undefined ||
      depth > bestDepth ||
      (depth === bestDepth && p.fromYear > best.fromYear)
    ) {
      best = p;
    }
  }
  return best ?? defaultPreset();
}

/** The preset named by `override.preset` (default mof-2020) with the override's fields applied. */
export function resolveRules(override: RulesOverride = {}): Result<ScoringRules, ScoringError[]> {
  const name = override.preset ?? DEFAULT_PRESET_NAME;
  const base = getPreset(name);
  if (base === undefined) {
    const known = PRESETS.map((p) => p.name).join(', ');
    return err([
      coded(
        'SCHEMA',
        null,
        `未知的规则预设 ${name}（可用：${known}）`,
        `unknown rule preset ${name} (known: ${known})`,
      ),
    ]);
  }
  const merged: ScoringRules = { ...base.rules };
  for (const [k, v] of Object.entries(override)) {
    if (v !== undefined) {
      Object.assign(merged, { [k]: v });
    }
  }
  return ok({ ...merged, preset: name });
}
