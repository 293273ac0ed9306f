import { describe, expect, it } from 'vitest';
import { checkMissingSection } from './missing-section.ts';
import { codesOf, run } from './test-helpers.ts';

const OUTLINE = [
  '2023年度某局整体支出绩效自评报告',
  '一、基本情况',
  '（一）部门概况',
  '（二）年度总体工作和重点工作任务',
  '（三）部门整体收支情况',
  '（四）部门整体绩效管理情况',
  '二、综合评价分析',
  '三、存在的主要问题',
  '四、下一步改进措施',
];

describe('MISSING_SECTION', () => {
  it('accepts the full outline, and the Guangdong peer wording', () => {
    expect(codesOf(checkMissingSection, OUTLINE.join('\n'))).toEqual([]);
    const peer = [
      '一、部门基本情况',
      '（一）部门职能',
      '（二）年度总体工作和重点工作任务',
      '（三）部门整体支出情况',
      '（四）部门整体绩效管理情况',
      '二、综合评价分析',
      '三、存在的问题及原因分析',
      '四、有关建议',
    ];
    expect(
      codesOf(checkMissingSection, `2023年度某局整体支出绩效自评报告\n${peer.join('\n')}`),
    ).toEqual([]);
  });

  it('flags a missing part, pointing at the title', () => {
    const [f] = run(
      checkMissingSection,
      OUTLINE.filter((l) => l !== '三、存在的主要问题').join('\n'),
    );
    expect(f).toMatchObject({
      code: 'MISSING_SECTION',
      line: 1,
      message: '报告缺少“三、存在的主要问题”部分。',
    });
  });

  it('flags a missing sub-section of 一, pointing at 一、基本情况', () => {
    const [f] = run(checkMissingSection, OUTLINE.filter((l) => !l.includes('绩效管理')).join('\n'));
    expect(f).toMatchObject({
      line: 2,
      excerpt: '一、基本情况',
      message: '“一、基本情况”下缺少“（四）部门整体绩效管理情况”部分。',
    });
  });
});
