// The default rules (§C.1 [CONV]) and the check of a region's own rules.
import { d, isDecimalString } from '../decimal.ts';
import { err, ok, type Bilingual, type Result } from '../result.ts';
import {
  LINKAGE_ACTIONS,
  LINKAGE_GRADES,
  LINKAGE_OBJECT_TYPES,
  type LinkageAction,
  type LinkageGrade,
  type LinkageObjectType,
  type LinkageRule,
  type LinkageRuleSet,
  type ProposedAction,
} from './types.ts';

const rule = (grade: LinkageGrade, action: LinkageAction, cutPct: string | null = null) => ({
  grade,
  action,
  cutPct,
});

/** 优 优先保障 · 良 保障 · 中 压减 10% · 差 取消或暂停 (一次性项目: 不安排同类新增项目). */
export const DEFAULT_LINKAGE_RULES: LinkageRuleSet = {
  continuing: [
    rule('优', 'PRIORITY'),
    rule('良', 'MAINTAIN'),
    rule('中', 'CUT', '10'),
    rule('差', 'CANCEL_OR_SUSPEND'),
  ],
  oneOff: [
    rule('优', 'PRIORITY'),
    rule('良', 'MAINTAIN'),
    rule('中', 'CUT', '10'),
    rule('差', 'NO_SIMILAR_ITEM'),
  ],
  department: [
    rule('优', 'PRIORITY'),
    rule('良', 'MAINTAIN'),
    rule('中', 'CUT', '10'),
    rule('差', 'CANCEL_OR_SUSPEND'),
  ],
};

export const LINKAGE_ACTION_TEXT: Readonly<Record<ProposedAction, Bilingual>> = {
  PRIORITY: { zh: '优先保障', en: 'Priority' },
  MAINTAIN: { zh: '保障', en: 'Maintain' },
  CUT: { zh: '压减', en: 'Cut' },
  CANCEL_OR_SUSPEND: { zh: '取消或暂停', en: 'Cancel or suspend' },
  NO_SIMILAR_ITEM: { zh: '不安排同类新增项目', en: 'No similar new item' },
  UNGRADED: { zh: '无评价等级（按原数）', en: 'Not graded (amount unchanged)' },
};

export const LINKAGE_OBJECT_TEXT: Readonly<Record<LinkageObjectType, Bilingual>> = {
  continuing: { zh: '常年性/延续性项目', en: 'Continuing project' },
  oneOff: { zh: '一次性项目', en: 'One-off project' },
  department: { zh: '部门整体（新增项目）', en: 'Department (new items)' },
};

/** "压减10%", "优先保障" … */
export function actionLabel(action: ProposedAction, cutPct: string | null): Bilingual {
  const t = LINKAGE_ACTION_TEXT[action];
  if (action === 'CUT' && cutPct !== null) {
    const pct = d(cutPct).toString();
    return { zh: `${t.zh}${pct}%`, en: `${t.en} ${pct}%` };
  }
  return t;
}

function checkRule(type: LinkageObjectType, r: LinkageRule, problems: Bilingual[]): void {
  const where = `${LINKAGE_OBJECT_TEXT[type].zh}「${r.grade}」`;
  const whereEn = `${LINKAGE_OBJECT_TEXT[type].en} "${r.grade}"`;
  if (!(LINKAGE_ACTIONS as readonly string[]).includes(r.action)) {
    problems.push({ zh: `${where}的处理方式无效`, en: `${whereEn}: unknown action` });
    return;
  }
  if (r.action !== 'CUT') {
    if (r.cutPct !== null) {
      problems.push({
        zh: `${where}不是压减，不应填写压减比例`,
        en: `${whereEn}: a cut percentage only goes with a cut`,
      });
    }
    return;
  }
  const ok =
    r.cutPct !== null &&
    isDecimalString(r.cutPct) &&
    d(r.cutPct).gt(0) &&
    d(r.cutPct).lte(100) &&
    d(r.cutPct).round(2).eq(d(r.cutPct));
  if (!ok) {
    problems.push({
      zh: `${where}的压减比例须大于0且不超过100（最多两位小数）`,
      en: `${whereEn}: the cut must be above 0 and at most 100 (two decimals at most)`,
    });
  }
}

/** A rule set is complete: every object type has exactly one rule for each grade; cuts are 0 < pct ≤ 100. */
export function checkLinkageRules(set: LinkageRuleSet): Result<LinkageRuleSet, Bilingual[]> {
  const problems: Bilingual[] = [];
  for (const type of LINKAGE_OBJECT_TYPES) {
    const rules = set[type] ?? [];
    for (const g of LINKAGE_GRADES) {
      const n = rules.filter((r) => r.grade === g).length;
      if (n !== 1) {
        problems.push({
          zh: `${LINKAGE_OBJECT_TEXT[type].zh}须有且只有一条「${g}」等级的规则`,
          en: `${LINKAGE_OBJECT_TEXT[type].en} needs exactly one rule for grade ${g}`,
        });
      }
    }
    for (const r of rules) {
      checkRule(type, r, problems);
    }
  }
  return problems.length > 0 ? err(problems) : ok(set);
}
