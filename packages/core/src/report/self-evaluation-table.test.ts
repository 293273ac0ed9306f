// The 自评表 layouts (domain-rules §3.8) as data: blocks, merges, numbers typed for spreadsheets, markers.
import { describe, expect, it } from 'vitest';
import { placeCells, runsText, type TableBlock } from './document-model.ts';
import { haizhu2023Fixture } from './fixtures/haizhu-2023.fixture.ts';
import {
  SELF_EVALUATION_COLUMNS_MM,
  buildDepartmentSelfEvaluationTable,
  buildProjectSelfEvaluationTable,
  buildSelfEvaluationTables,
  safeSheetName,
} from './self-evaluation-table.ts';

function grid(t: TableBlock): string[][] {
  const g = t.rows.map(() => SELF_EVALUATION_COLUMNS_MM.map(() => ''));
  for (const { row, col, cell } of placeCells(t)) {
    const line = g[row];
    if (line !== undefined) {
      line[col] = runsText(cell.runs);
    }
  }
  return g;
}

const project1 = haizhu2023Fixture.projects[0];
if (project1 === undefined) {
  throw new Error('fixture has projects');
}
const p1 = buildProjectSelfEvaluationTable(haizhu2023Fixture, project1, 1);

describe('project 自评表', () => {
  it('fits the A4 text width of 156 mm in ten columns', () => {
    expect(SELF_EVALUATION_COLUMNS_MM.reduce((a, b) => a + b, 0)).toBe(156);
  });

  it('has the header, 项目资金 block, 年度总体目标, 绩效指标 and 总分 rows of the official form', () => {
    const g = grid(p1);
    expect(g[0]?.slice(0, 3)).toEqual(['项目名称', '', '招商引资业务工作经费']);
    expect(g[1]).toEqual([
      '主管部门',
      '',
      '广州市海珠区投资促进局',
      '',
      '',
      '实施单位',
      '',
      '',
      '投资促进一科',
      '',
    ]);
    expect(g[2]).toEqual([
      '项目资金（万元）',
      '',
      '',
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '',
      '分值',
      '执行率',
      '得分',
    ]);
    expect(g[3]).toEqual([
      '',
      '年度资金总额',
      '',
      '80.00',
      '80.00',
      '76.27',
      '',
      '10.00',
      '95.34%',
      '9.53',
    ]);
    expect(g[4]?.[1]).toBe('其中：当年财政拨款');
    expect(g[7]?.slice(0, 2)).toEqual(['年度总体目标', '预期目标']);
    expect(g[9]).toEqual([
      '一级指标',
      '二级指标',
      '三级指标',
      '年度指标值',
      '实际完成值',
      '分值',
      '得分',
      '偏差原因分析及改进措施',
      '',
      '',
    ]);
    expect(g[10]?.slice(0, 7)).toEqual([
      '产出指标',
      '数量指标',
      '举办招商推介活动场次※',
      '≥20场△（原≥25场）',
      '24场',
      '15.00',
      '15.00',
    ]);
    expect(g[g.length - 1]).toEqual([
      '总分',
      '',
      '',
      '',
      '',
      '100.00',
      '99.53',
      '自评等级：优',
      '',
      '',
    ]);
  });

  it('merges 一级/二级指标 over their rows', () => {
    const placed = placeCells(p1);
    const output = placed.find((p) => runsText(p.cell.runs) === '产出指标');
    const quantity = placed.find((p) => runsText(p.cell.runs) === '数量指标');
    expect(output?.cell.rowSpan).toBe(4);
    expect(quantity?.cell.rowSpan).toBe(2);
  });

  it('types amounts, rates and scores as numbers for spreadsheets', () => {
    const numbers = placeCells(p1).flatMap((p) =>
      p.cell.number === undefined ? [] : [p.cell.number],
    );
    expect(numbers).toContainEqual({ value: '76.27', format: 'amount' });
    expect(numbers).toContainEqual({ value: '95.34', format: 'percent' });
    expect(numbers).toContainEqual({ value: '9.53', format: 'score' });
    expect(numbers).toContainEqual({ value: '99.53', format: 'score' });
  });

  it('explains target changes and illustrative values under the table', () => {
    expect(p1.notes).toEqual([
      '标“※”的为示例数据（7项）。',
      '△举办招商推介活动场次：年度指标值由≥25场调整为≥20场，2023年9月15日经批准；调整原因：按区统一部署，两场境外推介活动合并为线上线下联动举办。',
    ]);
  });
});

describe('department 自评表 and the set of tables', () => {
  it('labels the department block and keeps 满意度 rows', () => {
    const g = grid(buildDepartmentSelfEvaluationTable(haizhu2023Fixture));
    expect(g[0]?.slice(0, 3)).toEqual(['部门名称', '', '广州市海珠区投资促进局']);
    expect(g[2]?.[0]).toBe('部门资金（万元）');
    expect(g.some((r) => r[0] === '满意度指标' && r[2] === '服务企业满意度※')).toBe(true);
    expect(g[g.length - 1]?.[6]).toBe('98.90');
  });

  it('gives each table a unique sheet name of at most 31 characters', () => {
    const tables = buildSelfEvaluationTables(haizhu2023Fixture);
    const names = tables.map((t) => t.table.sheetName);
    expect(names).toEqual([
      '部门整体支出绩效自评表',
      '项目1-招商引资业务工作经费',
      '项目2-招商引资产业扶持专项资金',
    ]);
    expect(safeSheetName('a/b:c*d?e[f]g\\h' + 'x'.repeat(40))).toHaveLength(31);
    expect(safeSheetName('a/b:c')).toBe('a b c');
  });
});
