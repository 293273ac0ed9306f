// 整改 (rectification, full-cycle-rules §C.2): the vocabulary of the 整改清单 shared by the schema, the
// server, the CLI and the web.

/** Where a problem was found. */
export const RECTIFICATION_SOURCES = [
  'selfReport',
  'reviewFinding',
  'returnComment',
  'monitoring',
  'externalEvaluation',
  'manual',
] as const;
export type RectificationSource = (typeof RECTIFICATION_SOURCES)[number];

/** 待整改 → 整改中 → 已整改待核 → 已销号 (逾期 is derived from the deadline, never stored). */
export const RECTIFICATION_STATUSES = ['pending', 'inProgress', 'awaitingCheck', 'closed'] as const;
export type RectificationStatus = (typeof RECTIFICATION_STATUSES)[number];

/** The status as shown: the stored one, or overdue when an open item is past its deadline. */
export type RectificationDisplayStatus = RectificationStatus | 'overdue';

export const RECTIFICATION_CATEGORIES = [
  'decision',
  'process',
  'output',
  'benefit',
  'management',
] as const;
export type RectificationCategory = (typeof RECTIFICATION_CATEGORIES)[number];

export const RECTIFICATION_SOURCE_TEXT: Readonly<Record<RectificationSource, string>> = {
  selfReport: '自评报告',
  reviewFinding: '财政审核意见',
  returnComment: '财政退回意见',
  monitoring: '运行监控',
  externalEvaluation: '财政重点评价',
  manual: '财政录入',
};

export const RECTIFICATION_STATUS_TEXT: Readonly<Record<RectificationDisplayStatus, string>> = {
  pending: '待整改',
  inProgress: '整改中',
  awaitingCheck: '已整改待核',
  closed: '已销号',
  overdue: '逾期',
};

export const RECTIFICATION_CATEGORY_TEXT: Readonly<Record<RectificationCategory, string>> = {
  decision: '决策',
  process: '过程',
  output: '产出',
  benefit: '效益',
  management: '管理',
};

/** Deadlines of §C.2 in calendar days, configurable per region and year. */
export interface RectificationDeadlineConfig {
  /** 财政 or the 主管部门 sends the result and the 整改要求 within this many days of the result being final. */
  noticeDays: number;
  /** The evaluated unit sends its 整改措施 within this many days of receiving the notice. */
  measureDays: number;
}

export const DEFAULT_RECTIFICATION_DEADLINES: Readonly<RectificationDeadlineConfig> = {
  noticeDays: 20,
  measureDays: 30,
};

/** What a user does to an item; each moves it along the statuses (see `nextRectificationStatus`). */
export type RectificationAction =
  'raise' | 'start' | 'submit' | 'accept' | 'sendBack' | 'edit' | 'evidence';

export const RECTIFICATION_ACTION_TEXT: Readonly<Record<RectificationAction, string>> = {
  raise: '列入整改清单',
  start: '开始整改',
  submit: '提交整改结果',
  accept: '复核通过并销号',
  sendBack: '复核退回',
  edit: '修改',
  evidence: '上传佐证材料',
};
