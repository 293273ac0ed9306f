// Test data of the external evaluation route tests: the worked example's inputs (one per rule type, hand-checked
// in core) and two findings.

export interface Detail {
  id: string;
  status: string;
  total: string | null;
  grade: string | null;
  runningTotal: string;
  complete: boolean;
  provisionalGrade: string | null;
  executionFormula: string;
  indicators: {
    position: number;
    name: string;
    score: string | null;
    issue: string | null;
    detail: Record<string, string>;
  }[];
  dimensions: Record<string, { max: string; score: string }>;
  canScore: boolean;
}
export interface ErrorBody {
  error: { code: string; message: string };
}

// One input per rule type, in the default template's order (worked by hand in core's test).
export const WORKED = [
  { kind: 'checklist', met: [true, true, true, true, false] },
  { kind: 'tier', index: 1 },
  { kind: 'tier', index: 0 },
  { kind: 'checklist', met: [true, true] },
  { kind: 'checklist', met: [true, false, true, true] },
  { kind: 'tier', index: 0 },
  { kind: 'ratio', numerator: '950000', denominator: '1000000' },
  { kind: 'execution', spent: '855000', available: '950000', adjustedBudget: '1000000' },
  { kind: 'count', count: 1 },
  { kind: 'tier', index: 1 },
  { kind: 'checklist', met: [true, true, true] },
  { kind: 'ratio', numerator: '47', denominator: '50' },
  { kind: 'ratio', numerator: '46', denominator: '47' },
  { kind: 'tier', index: 1 },
  { kind: 'tier', index: 0 },
  { kind: 'manual', score: '16.5', note: '带动就业效果明显，可持续机制尚未建立' },
  { kind: 'rate', percent: '92.35' },
];
export const FINDINGS = [
  {
    problem: '资金到位不及时，到位率 95%',
    recommendation: '加强与财政的资金调度衔接',
    dimension: 'process',
  },
  {
    problem: '项目延期完成',
    recommendation: '细化实施进度计划并按月跟踪',
    dimension: 'output',
    indicatorName: '完成及时性',
  },
];
