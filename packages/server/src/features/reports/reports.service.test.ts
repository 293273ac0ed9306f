// The generated report, read back: every seed figure, the score and grade, the annexed tables; the
// reviewer finds nothing high or medium in it; paragraph overrides survive regeneration.
import mammoth from 'mammoth';
import { expect, it } from 'vitest';
import { reviewReport } from '@jixiao/core';
import { describeEachDb } from '../../db/test-db.ts';
import type { Actor } from '../../auth/actor.ts';
import { clearParagraphOverride, renderReport, setParagraphOverride } from './reports.service.ts';

const clerk: Actor = {
  userId: 'u-clerk',
  username: 'tzcj_clerk',
  displayName: '填报员',
  role: 'clerk',
  departmentCode: '440105-TZCJ',
  regionCode: '440105',
  ip: null,
};
const now = new Date('2024-02-20T08:00:00Z');

describeEachDb('the self-evaluation report of the demo department', (use) => {
  it('the .docx holds every seed figure, the numeric score with its grade, and the annexed tables', async () => {
    const docx = await renderReport(use().db, clerk, '440105-TZCJ', 2023, 'docx', now);
    expect(docx.fileName).toBe('2023年度广州市海珠区投资促进局整体支出绩效自评报告.docx');
    const { value } = await mammoth.extractRawText({ buffer: docx.body });
    const text = value.replace(/\s+/g, '');
    for (const figure of [
      '2023年度广州市海珠区投资促进局',
      '整体支出绩效自评报告',
      '投资促进一科',
      '投资促进二科',
      '企业服务科',
      '办公室',
      '投资促进中心',
      '36,628.61',
      '一级项目2个、二级项目0个',
      '招商引资业务工作经费',
      '80.00',
      '76.27',
      '95.34%',
      '336',
      '170',
      '15.1%',
      '3.6%',
      '2.3个百分点',
      '0.9个百分点',
      '1.8万家',
      '98.67分',
      '“优”',
      '附件1',
      '部门整体支出绩效自评表',
      '项目支出绩效自评表',
      '年初预算数',
      '全年预算数',
      '全年执行数',
      '偏差原因分析及改进措施',
    ]) {
      expect(text, figure).toContain(figure);
    }
    // Seed weaknesses fixed: no bare "95%" rate, no 疫情 boilerplate, growth in 个百分点.
    expect(text).not.toMatch(/执行率95%/);
    expect(text).not.toContain('疫情');
    expect(text).not.toMatch(/GDP增速2\.3%/);
    // The budget block's sub-row reads 其中：当年财政拨款 once (the label was once prefixed twice).
    expect(text).toContain('其中：当年财政拨款');
    expect(text).not.toContain('其中：其中');
  });

  it('the reviewer finds no high or medium issue in our own report', async () => {
    const txt = await renderReport(use().db, clerk, '440105-TZCJ', 2023, 'txt', now);
    const review = reviewReport(txt.body.toString('utf8'));
    const serious = review.findings.filter((f) => f.severity !== 'low');
    expect(serious.map((f) => `${f.code} L${f.line}: ${f.message}`)).toEqual([]);
  });

  it('a paragraph the user overwrote is kept across regenerations, and can be reverted', async () => {
    const db = use().db;
    const mine = '我局坚持“项目为王”，全年自评结论经局务会审定。';
    await setParagraphOverride(db, clerk, '440105-TZCJ', 2023, 'evaluation.conclusion', mine, now);
    const md = (await renderReport(db, clerk, '440105-TZCJ', 2023, 'md', now)).body.toString(
      'utf8',
    );
    expect(md).toContain(mine);
    await clearParagraphOverride(db, clerk, '440105-TZCJ', 2023, 'evaluation.conclusion');
    const md2 = (await renderReport(db, clerk, '440105-TZCJ', 2023, 'md', now)).body.toString(
      'utf8',
    );
    expect(md2).not.toContain(mine);
    await expect(
      setParagraphOverride(db, clerk, '440105-TZCJ', 2023, 'no.such.paragraph', 'x', now),
    ).rejects.toMatchObject({ code: 'PARAGRAPH_UNKNOWN' });
  });
});
