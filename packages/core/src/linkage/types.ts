// 结果应用 (full-cycle-rules §C.1): the vocabulary of linking last year's evaluation grades to next year's budget.

export const LINKAGE_GRADES = ['优', '良', '中', '差'] as const;
export type LinkageGrade = (typeof LINKAGE_GRADES)[number];

/**
 * What a grade does to next year's budget: 优先保障 / 保障 / 压减 x% / 取消或暂停 / 不安排同类新增项目;
 * UNGRADED when the object has no grade yet (the base amount is proposed unchanged, the bureau decides).
 */
export const LINKAGE_ACTIONS = [
  'PRIORITY',
  'MAINTAIN',
  'CUT',
  'CANCEL_OR_SUSPEND',
  'NO_SIMILAR_ITEM',
] as const;
export type LinkageAction = (typeof LINKAGE_ACTIONS)[number];
export type ProposedAction = LinkageAction | 'UNGRADED';

/** 常年性/延续性项目, 一次性项目, 部门整体 (its grade applies to the envelope for 新增项目). */
export const LINKAGE_OBJECT_TYPES = ['continuing', 'oneOff', 'department'] as const;
export type LinkageObjectType = (typeof LINKAGE_OBJECT_TYPES)[number];

/** One grade's rule: the action and, for CUT, the percentage cut (a decimal string, 0 < pct ≤ 100). */
export interface LinkageRule {
  grade: LinkageGrade;
  action: LinkageAction;
  cutPct: string | null;
}

/** The rules of a region and year: four rules (one per grade) for each object type. */
export type LinkageRuleSet = Record<LinkageObjectType, LinkageRule[]>;

/** Where the grade used came from: the bureau's external evaluation takes precedence over the self-evaluation. */
export type GradeSource = 'external' | 'self' | null;

export interface LinkageFacts {
  objectType: LinkageObjectType;
  selfGrade: LinkageGrade | null;
  externalGrade: LinkageGrade | null;
  /** The amount the action applies to, in 分. */
  baseFen: number;
}

export interface LinkageProposal {
  grade: LinkageGrade | null;
  gradeSource: GradeSource;
  action: ProposedAction;
  cutPct: string | null;
  /** The proposed amount in 分 (exact: a cut is rounded half-up to the 分). */
  amountFen: number;
}
