// Columns of a goal declaration's indicator grid: the 一体化 flat table (one row per indicator, project code and
// 年度目标 on the row; §D.3–D.4) and the indicator block of the 申报表 forms (§D.1–D.2).
export const GOAL_FIELDS = [
  'projectCode',
  'targetText',
  'level1',
  'level2',
  'name',
  'operator',
  'target',
  'unit',
  'weight',
  'targetBasis',
  'dataSource',
  'standard',
  'note',
] as const;
export type GoalField = (typeof GOAL_FIELDS)[number];

export const GOAL_HEADERS: Readonly<Record<GoalField, string>> = {
  projectCode: '项目代码',
  targetText: '年度目标',
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  operator: '计算符号',
  target: '指标值',
  unit: '计量单位',
  weight: '权重',
  targetBasis: '指标值设定依据',
  dataSource: '数据来源',
  standard: '评（扣）分标准',
  note: '备注',
};

export const GOAL_ALIASES: Readonly<Record<GoalField, readonly string[]>> = {
  projectCode: ['项目代码', '项目编码', 'pro_code'],
  targetText: ['年度目标', '年度总体目标', '绩效目标', '年度绩效目标'],
  level1: ['一级指标', '一级指标名称', 'kpi_lv1'],
  level2: ['二级指标', '二级指标名称', 'kpi_lv2'],
  name: ['三级指标', '三级指标名称', '指标名称', 'kpi_lv3'],
  operator: ['计算符号', '指标性质', '运算符号', 'computesign'],
  target: ['指标值', '年度指标值', '目标值', 'kpi_val'],
  unit: ['计量单位', '度量单位', '单位', 'meterunit'],
  weight: ['权重', '分值', 'weight'],
  targetBasis: ['指标值设定依据', '设定依据'],
  dataSource: ['数据来源'],
  standard: ['评（扣）分标准', '评分标准', '扣分标准', 'kpi_evalstd'],
  note: ['备注', 'kpi_remark'],
};

export const GOAL_REQUIRED: readonly GoalField[] = ['level1', 'name'];

/** The words a 项目代码 cell may hold for the department's own 部门整体 set. */
export const DEPARTMENT_SET_WORDS: readonly string[] = ['', '部门整体', '部门', 'DEPT'];
