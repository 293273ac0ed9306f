// The 自评表 workbook read back with exceljs: one sheet per table, merges, typed numbers, sanitised text.
import { buildSelfEvaluationTables, type DepartmentReportData } from '@jixiao/core';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { haizhu2023Fixture } from '../../../../core/src/report/fixtures/haizhu-2023.fixture.ts';
import { renderSelfEvaluationXlsx, renderTablesXlsx } from './render-tables-xlsx.ts';

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

/** Row number of the first cell in column A whose text is `label`. */
function rowOf(ws: ExcelJS.Worksheet, col: number, label: string): number {
  for (let r = 1; r <= ws.rowCount; r++) {
    if (ws.getCell(r, col).text === label) {
      return r;
    }
  }
  throw new Error(`no "${label}" in column ${col}`);
}

let wb: ExcelJS.Workbook;

beforeAll(async () => {
  wb = await load(await renderSelfEvaluationXlsx(haizhu2023Fixture));
});

describe('renderSelfEvaluationXlsx — Haizhu 2023', () => {
  it('has one sheet per table, department first, names ≤ 31 characters', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      '部门整体支出绩效自评表',
      '项目1-招商引资业务工作经费',
      '项目2-招商引资产业扶持专项资金',
    ]);
    expect(wb.worksheets.every((w) => [...w.name].length <= 31)).toBe(true);
  });

  it('prints the title and the official layout with merged cells', () => {
    const ws = wb.getWorksheet('项目1-招商引资业务工作经费');
    if (ws === undefined) {
      throw new Error('sheet missing');
    }
    expect(ws.getCell('A1').text).toBe('2023年度招商引资业务工作经费项目支出绩效自评表');
    expect(ws.getCell('A2').text).toBe('填报单位：广州市海珠区投资促进局');
    expect(ws.getCell('A3').text).toBe('项目名称');
    expect(ws.getCell('C3').text).toBe('招商引资业务工作经费');
    // merges: title across the 10 columns, 项目名称 over two, 项目资金 down five rows
    const merges = (ws.model as unknown as { merges: string[] }).merges;
    expect(merges).toEqual(expect.arrayContaining(['A1:J1', 'A3:B3', 'C3:J3', 'A5:A9', 'F5:G5']));
    expect(ws.getCell('B3').isMerged).toBe(true);
    expect(ws.getCell('A5').text).toBe('项目资金（万元）');
    expect(['D5', 'E5', 'F5', 'H5', 'I5', 'J5'].map((a) => ws.getCell(a).text)).toEqual([
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '分值',
      '执行率',
      '得分',
    ]);
    expect(ws.getCell('A5').border.top?.style).toBe('thin');
  });

  it('stores amounts, rates and scores as numbers with 2-decimal formats', () => {
    const ws = wb.getWorksheet('项目1-招商引资业务工作经费');
    if (ws === undefined) {
      throw new Error('sheet missing');
    }
    const total = rowOf(ws, 2, '年度资金总额');
    expect(ws.getCell(total, 4).value).toBe(80);
    expect(ws.getCell(total, 6).value).toBe(76.27);
    expect(ws.getCell(total, 6).numFmt).toBe('#,##0.00');
    expect(ws.getCell(total, 9).value).toBe(0.9534);
    expect(ws.getCell(total, 9).numFmt).toBe('0.00%');
    expect(ws.getCell(total, 10).value).toBe(9.53);
    expect(ws.getCell(total, 10).numFmt).toBe('0.00');
    const sum = rowOf(ws, 1, '总分');
    expect(ws.getCell(sum, 6).value).toBe(100);
    expect(ws.getCell(sum, 7).value).toBe(99.53);
    expect(ws.getCell(sum, 8).text).toBe('自评等级：优');
  });

  it('keeps our operator values as they are and the notes under the table', () => {
    const dept = wb.getWorksheet('部门整体支出绩效自评表');
    const p2 = wb.getWorksheet('项目2-招商引资产业扶持专项资金');
    if (dept === undefined || p2 === undefined) {
      throw new Error('sheet missing');
    }
    const r = rowOf(dept, 3, '全区新洽谈重点招商项目数※');
    expect(dept.getCell(r, 4).text).toBe('≥300个');
    expect(dept.getCell(r, 5).text).toBe('336个');
    const q = rowOf(p2, 3, '扶持资金拨付合规率※');
    expect(p2.getCell(q, 4).text).toBe('＝100%');
    const sheet1 = wb.getWorksheet('项目1-招商引资业务工作经费');
    const texts: string[] = [];
    sheet1?.eachRow((row) => row.eachCell((c) => texts.push(c.text)));
    expect(
      texts.some((t) => t.startsWith('注：△举办招商推介活动场次：年度指标值由≥25场调整为≥20场')),
    ).toBe(true);
  });

  it('neutralises formula injection in text from users', async () => {
    const p = haizhu2023Fixture.projects[0];
    if (p === undefined) {
      throw new Error('fixture has projects');
    }
    const hostile: DepartmentReportData = {
      ...haizhu2023Fixture,
      projects: [
        {
          ...p,
          name: '=HYPERLINK("http://evil.example","点击")',
          implementingUnit: '＠SUM(1+1)',
          indicators: p.indicators.map((i, k) => (k === 0 ? { ...i, deviationNote: '-2+3' } : i)),
        },
      ],
    };
    const book = await load(
      await renderTablesXlsx(buildSelfEvaluationTables(hostile), {
        created: new Date('2024-03-15T00:00:00Z'),
      }),
    );
    const ws = book.worksheets[1];
    if (ws === undefined) {
      throw new Error('sheet missing');
    }
    const values: unknown[] = [];
    ws.eachRow((row) => row.eachCell((c) => values.push(c.value)));
    expect(values).toContain(`'=HYPERLINK("http://evil.example","点击")`);
    expect(values).toContain(`'＠SUM(1+1)`);
    expect(values).toContain(`'-2+3`);
    expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false);
    expect(ws.name.startsWith('项目1-=HYPERLINK("http   evil')).toBe(true); // sheet names lose []:*?/\
    expect([...ws.name]).toHaveLength(31);
  });
});
