import { describe, expect, it } from 'vitest';
import { checkDuplicateText } from './duplicate-text.ts';
import { codesOf, run } from './test-helpers.ts';

const TITLE = '2023年度某局整体支出绩效自评报告\n';
const PASSAGE = '发布惠企服务包与政策包，完成区委巡察局党组工作'; // 22 characters without punctuation

describe('DUPLICATE_TEXT', () => {
  it('flags a passage of 20+ characters repeated, ignoring spaces and punctuation, at the copy', () => {
    const [f] = run(
      checkDuplicateText,
      `${TITLE}首先，${PASSAGE}。\n其次，发布惠企服务包与政策包；完成区委巡察局党组工作。`,
    );
    expect(f?.code).toBe('DUPLICATE_TEXT');
    expect(f?.line).toBe(3);
    expect(f?.message).toContain('第 2 行');
    expect(f?.excerpt).toBe('发布惠企服务包与政策包；完成区委巡察局党组工作');
  });

  it('ignores 19 characters, a repeated title and repeated table headers', () => {
    expect(
      codesOf(
        checkDuplicateText,
        `${TITLE}发布惠企服务包与政策包，完成区委巡察局。\n发布惠企服务包与政策包，完成区委巡察局。`,
      ),
    ).toEqual([]);
    expect(
      codesOf(checkDuplicateText, `${TITLE}现将2023年度某局整体支出绩效自评报告如下。`),
    ).toEqual([]);
    const header = '一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值\t分值\t得分';
    expect(codesOf(checkDuplicateText, `${TITLE}${header}\n产出指标\t数量指标\n${header}`)).toEqual(
      [],
    );
  });

  it('ignores repeated rows of figures and repeated form lines', () => {
    const row = '年度资金总额\t34,200.00\t36,628.61\t36,624.88\t10.00\t99.99%\t10.00';
    const figures = '款 34,200.00 36,628.61 36,624.88 — 99.99% —';
    expect(codesOf(checkDuplicateText, `${TITLE}${row}\n${figures}\n${figures}`)).toEqual([]);
    const form = '填报单位：广州市海珠区科技工业商务和信息化局';
    expect(codesOf(checkDuplicateText, `${TITLE}${form}\n附件2\n${form}`)).toEqual([]);
  });

  it('reports a run once, however long, and a third copy against the first', () => {
    const found = run(checkDuplicateText, `${TITLE}${PASSAGE}。\n${PASSAGE}。\n${PASSAGE}。`);
    expect(found.map((f) => f.message)).toEqual([
      '这段文字（22 字）与第 2 行的文字重复。',
      '这段文字（22 字）与第 2 行的文字重复。',
    ]);
  });
});
