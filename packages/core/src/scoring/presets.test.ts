// Presets are data: both bundled files load, lookups by name and by region/year, overrides merge.
import { describe, expect, it } from 'vitest';
import { getPreset, listPresets, presetFor, resolveRules } from './presets.ts';
import { parseRulesObject } from './parse-rules.ts';

describe('presets', () => {
  it('mof-2020 holds the contract defaults', () => {
    expect(getPreset('mof-2020')?.rules).toEqual({
      preset: 'mof-2020',
      reverseFormula: 'mof-linear',
      qualitativeBands: ['0.8', '0.6'],
      overTargetRatio: '1.3',
      overTargetWhenZeroTarget: '30',
      executionExplainBelow: '90',
      budgetWeight: '10',
      level1Weights: { OUTPUT: '50', BENEFIT: '30', SATISFACTION: '10' },
      gradeBands: { excellent: '90', good: '80', fair: '60' },
    });
  });
  it('hubei-variant differs only in data', () => {
    expect(getPreset('hubei-variant')?.rules).toMatchObject({
      reverseFormula: 'ratio',
      qualitativeBands: ['0.8', '0.5'],
      budgetWeight: '20',
    });
    expect(listPresets().map((p) => p.name)).toEqual(['mof-2020', 'hubei-variant']);
  });
  it('presetFor picks the most specific region, else the national default', () => {
    expect(presetFor('420102', 2024).name).toBe('hubei-variant');
    expect(presetFor('440105', 2024).name).toBe('mof-2020');
    expect(presetFor('420102', 2019).name).toBe('mof-2020');
  });
  it('resolveRules: override fields win, unknown preset is SCHEMA', () => {
    const r = resolveRules({ preset: 'hubei-variant', budgetWeight: '10' });
    expect(r.ok && [r.value.budgetWeight, r.value.reverseFormula]).toEqual(['10', 'ratio']);
    const bad = resolveRules({ preset: 'x' });
    expect(!bad.ok && bad.error.map((e) => e.code)).toEqual(['SCHEMA']);
  });
});

describe('parseRulesObject', () => {
  it('accepts JSON numbers as the contract example writes them', () => {
    const { rules, errors } = parseRulesObject({
      qualitativeBands: [0.8, 0.6],
      overTargetRatio: 1.3,
      executionExplainBelow: 90,
      level1Weights: { 产出指标: 50 },
    });
    expect(errors).toEqual([]);
    expect(rules).toEqual({
      qualitativeBands: ['0.8', '0.6'],
      overTargetRatio: '1.3',
      executionExplainBelow: '90',
      level1Weights: { OUTPUT: '50' },
    });
  });
  it('rejects unknown keys and bad values', () => {
    const { errors } = parseRulesObject({
      overTargetRatio: 'x',
      budgetWeight: -1,
      gradeBands: { excellent: 80, good: 90, fair: 60 },
      foo: 1,
    });
    expect(errors.map((e) => e.code)).toEqual(['SCHEMA', 'SCHEMA', 'SCHEMA', 'SCHEMA']);
  });
});
