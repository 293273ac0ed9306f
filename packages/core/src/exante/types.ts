// 事前绩效评估 (ex-ante assessment): the shared vocabulary (glossary "Full cycle").

export type ExAnteType = 'PROJECT' | 'POLICY';

export type ExAnteDimension =
  'NECESSITY' | 'ECONOMY' | 'TARGET_REASONABLENESS' | 'FEASIBILITY' | 'FUNDING_COMPLIANCE';

export type ExAnteConclusion = 'SUPPORT' | 'SUPPORT_AFTER_REVISION' | 'REJECT';

/** 部门自评估 / 财政评估 / 第三方评估. */
export type ExAnteAssessor = 'DEPARTMENT' | 'FINANCE' | 'THIRD_PARTY';

/** 优 / 良 / 中 / 差 ticked on a point (converted to points by the configured shares). */
export type ExAnteRating = 'EXCELLENT' | 'GOOD' | 'FAIR' | 'POOR';

/** A scored 评估要点 (leaf): its weight is a decimal string with at most 2 decimals. */
export interface ExAntePoint {
  code: string;
  name: string;
  weight: string;
}

/** 二级 group of points. */
export interface ExAnteGroup {
  code: string;
  name: string;
  points: readonly ExAntePoint[];
}

/** 一级 dimension: its weight is the sum of its points. */
export interface ExAnteDimensionNode {
  code: ExAnteDimension;
  name: string;
  groups: readonly ExAnteGroup[];
}

export interface ExAnteTemplate {
  type: ExAnteType;
  name: string;
  dimensions: readonly ExAnteDimensionNode[];
}

export const EXANTE_CONCLUSION_TEXT: Readonly<
  Record<ExAnteConclusion, { zh: string; en: string }>
> = {
  SUPPORT: { zh: '予以支持', en: 'Support' },
  SUPPORT_AFTER_REVISION: { zh: '调整完善后予以支持', en: 'Support after revision' },
  REJECT: { zh: '不予支持', en: 'Do not support' },
};

export const EXANTE_ASSESSOR_TEXT: Readonly<Record<ExAnteAssessor, { zh: string; en: string }>> = {
  DEPARTMENT: { zh: '部门自评估', en: 'Department self-assessment' },
  FINANCE: { zh: '财政评估', en: 'Finance-bureau assessment' },
  THIRD_PARTY: { zh: '第三方评估', en: 'Third-party assessment' },
};

export const EXANTE_RATING_TEXT: Readonly<Record<ExAnteRating, string>> = {
  EXCELLENT: '优',
  GOOD: '良',
  FAIR: '中',
  POOR: '差',
};

export const EXANTE_TYPE_TEXT: Readonly<Record<ExAnteType, string>> = {
  PROJECT: '项目',
  POLICY: '政策',
};
