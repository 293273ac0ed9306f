// Shapes of /api/linkage… as generated from docs/openapi.json, and the words the screens show for them.
import type { Schema } from '../../api/schema.ts';

export type LinkageTable = Schema<'LinkageTable'>;
export type LinkageRow = Schema<'LinkageRow'>;
export type LinkageRules = Schema<'LinkageRules'>;
export type LinkageRuleSet = Schema<'LinkageRuleSet'>;
export type LinkageDecisionInput = Schema<'LinkageDecisionInput'>;
export type LinkageAction = NonNullable<LinkageDecisionInput['action']>;

export const ACTION_OPTIONS: { value: LinkageAction; label: string }[] = [
  { value: 'PRIORITY', label: '优先保障' },
  { value: 'MAINTAIN', label: '保障' },
  { value: 'CUT', label: '压减' },
  { value: 'CANCEL_OR_SUSPEND', label: '取消或暂停' },
  { value: 'NO_SIMILAR_ITEM', label: '不安排同类新增项目' },
];

export const ACTION_COLOR: Record<string, string> = {
  PRIORITY: 'green',
  MAINTAIN: 'blue',
  CUT: 'gold',
  CANCEL_OR_SUSPEND: 'red',
  NO_SIMILAR_ITEM: 'red',
  UNGRADED: 'default',
};

export const OBJECT_TYPE_TEXT: Record<keyof LinkageRuleSet, string> = {
  continuing: '常年性/延续性项目',
  oneOff: '一次性项目',
  department: '部门整体（新增项目）',
};

export const BASE_KIND_TEXT: Record<LinkageRow['baseKind'], string> = {
  nextYearBudget: '本年申报预算',
  lastYearBudget: '上年全年预算',
  newItems: '新增项目合计',
};

export const rowKey = (r: LinkageRow): string => `${r.departmentCode}|${r.projectCode ?? ''}`;
