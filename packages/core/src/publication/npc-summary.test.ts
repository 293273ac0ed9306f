import { describe, expect, it } from 'vitest';
import { runsText, walkSections, type ParagraphBlock } from '../report/document-model.ts';
import type { Fen } from '../money.ts';
import {
  buildNpcSummary,
  gradeCounts,
  npcFigures,
  npcSummaryTables,
  percentText,
  type NpcEvaluationLine,
  type NpcSummaryData,
} from './npc-summary.ts';

const line = (over: Partial<NpcEvaluationLine>): NpcEvaluationLine => ({
  kind: 'self',
  departmentCode: 'D1',
  departmentName: '区投资促进局',
  projectCode: null,
  projectName: null,
  total: '90.00',
  grade: '优',
  evaluator: null,
  flagged: false,
  note: null,
  ...over,
});

const data: NpcSummaryData = {
  regionCode: '440105',
  regionName: '广州市海珠区',
  fiscalYear: 2023,
  departmentCount: 3,
  evaluations: [
    line({}),
    line({ projectCode: 'P1', projectName: '招商活动', grade: '良', total: '85.50' }),
    line({ projectCode: 'P2', projectName: '产业服务', grade: '中', total: '70.00' }),
    line({ departmentCode: 'D2', departmentName: '区文化局', grade: null, total: null }),
    line({
      kind: 'external',
      projectCode: 'P1',
      projectName: '招商活动',
      grade: '良',
      evaluator: 'thirdParty',
      flagged: true,
    }),
  ],
  fundsCovered: 123_456_789 as Fen,
  fundsTotal: 246_913_578 as Fen,
  rectification: { total: 7, closed: 6 },
  published: { departments: 1 },
  generatedAt: '2024-05-01T00:00:00.000Z',
};

describe('人大 summary (hand-checked figures)', () => {
  it('counts grades and computes exact rates', () => {
    expect(gradeCounts(data.evaluations.filter((e) => e.kind === 'self'))).toEqual({
      优: 1,
      良: 1,
      中: 1,
      差: 0,
      none: 1,
    });
    expect(percentText(6, 7)).toBe('85.71%');
    expect(percentText(1, 0)).toBe('—');
    const f = npcFigures(data);
    expect(f.departmentsEvaluated).toBe(2);
    expect(f.projectsEvaluated).toBe(2);
    expect(f.externalCount).toBe(1);
    expect(f.fundsCoveredText).toBe('123.46 万元');
    expect(f.fundsShareText).toBe('50.00%');
    expect(f.closureRateText).toBe('85.71%');
    expect(f.publicationRateText).toBe('33.33%');
    expect(f.flagged).toHaveLength(1);
  });

  it('builds the document and the tables', () => {
    const doc = buildNpcSummary(data);
    expect(doc.title).toBe('广州市海珠区2023年度预算绩效评价情况报告');
    const texts = walkSections(doc.sections)
      .flatMap((s) => s.blocks)
      .filter((b): b is ParagraphBlock => b.kind === 'paragraph')
      .map((p) => runsText(p.runs));
    expect(texts.join('\n')).toContain('整改事项 7 项，已销号 6 项，整改销号率 85.71%');
    expect(texts.join('\n')).toContain('区投资促进局“招商活动”（良）');
    const tables = npcSummaryTables(data);
    expect(tables.map((t) => t.table.sheetName)).toEqual(['汇总', '等级分布', '评价明细']);
    expect(tables[2]!.table.rows).toHaveLength(6);
  });
});
