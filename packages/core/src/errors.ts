// Every error the API or the CLI returns, as one closed set of codes. Each code has its kind (which decides the
// HTTP status and the CLI's exit code) and its message in Chinese and English, looked up by code; `{name}` in a
// message is filled from the error's parameters. Bad input codes say which rule failed (WEIGHT_SUM,
// TARGET_NOT_NUMERIC …), never a bare VALIDATION.
//
// To add a code: one entry here, with both messages. The server's ServiceError and the HTTP error body take
// only codes of this set, so a code without a message does not type-check.

export type ErrorKind =
  | 'invalid' // 400: the request or a value in it breaks a rule
  | 'unprocessable' // 422: a file or a whole document fails its checks (details list every problem)
  | 'unauthenticated' // 401
  | 'forbidden' // 403
  | 'notFound' // 404
  | 'conflict' // 409: the data already exists or changed meanwhile
  | 'state' // 409: not allowed in the item's current state (submitted, approved, ended year …)
  | 'locked' // 423: locked before the year or after submission
  | 'tooLarge' // 413
  | 'unsupportedMedia' // 415
  | 'rateLimited' // 429
  | 'unavailable' // 503: a tool the server needs is missing or busy
  | 'internal'; // 500: a defect; never the user's fault

export interface ErrorDefinition {
  kind: ErrorKind;
  zh: string;
  en: string;
}

export const ERRORS = {
  // ---- generic (the kind says it all; prefer a specific code below) ----
  NOT_FOUND: { kind: 'notFound', zh: '未找到{what}', en: '{whatEn} not found' },
  ENDPOINT_NOT_FOUND: { kind: 'notFound', zh: '接口不存在', en: 'No such endpoint' },
  FORBIDDEN: {
    kind: 'forbidden',
    zh: '无权访问该数据或执行该操作',
    en: 'You are not allowed to access this data or perform this action',
  },
  DEPARTMENT_FORBIDDEN: {
    kind: 'forbidden',
    zh: '无权访问其他部门的数据',
    en: 'You may not access another department’s data',
  },
  ROLE_FORBIDDEN: {
    kind: 'forbidden',
    zh: '当前角色无权执行该操作',
    en: 'Your role may not perform this action',
  },
  UNAUTHENTICATED: {
    kind: 'unauthenticated',
    zh: '未登录或登录已过期，请重新登录',
    en: 'Not signed in, or the session has expired: please sign in',
  },
  CSRF: {
    kind: 'forbidden',
    zh: '安全校验失败（CSRF 令牌缺失或不匹配），请刷新页面后重试',
    en: 'Security check failed (CSRF token missing or wrong): reload the page and try again',
  },
  PASSWORD_CHANGE_REQUIRED: {
    kind: 'forbidden',
    zh: '首次登录或密码被重置后，须先修改密码',
    en: 'Your password was set by an administrator (first sign-in or a reset): change it before doing anything else',
  },
  REQUEST_INVALID: { kind: 'invalid', zh: '输入有误：{problem}', en: 'Invalid input: {problemEn}' },
  JSON_INVALID: {
    kind: 'invalid',
    zh: '请求内容不是有效的 JSON',
    en: 'Request body is not valid JSON',
  },
  TOO_LARGE: { kind: 'tooLarge', zh: '上传文件过大', en: 'Payload too large' },
  FILE_TOO_LARGE: {
    kind: 'tooLarge',
    zh: '文件超过 {limit}，{advice}',
    en: 'The file is larger than {limit}: {adviceEn}',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    kind: 'unsupportedMedia',
    zh: '请求内容类型不受支持：上传文件请用 multipart/form-data，其它请求请用 JSON',
    en: 'Unsupported media type: upload files as multipart/form-data, send other requests as JSON',
  },
  HTTP: { kind: 'invalid', zh: '请求无效', en: 'Bad request' },
  INTERNAL: {
    kind: 'internal',
    zh: '服务器内部错误，请稍后重试或联系管理员',
    en: 'Internal server error',
  },
  DATA_DIR_IN_USE: {
    kind: 'conflict',
    zh: '数据目录 {dataDir} 正被另一个进程使用（{holder}，进程 {pid}，自 {since}）：嵌入式数据库只能由一个进程打开。请先停止该进程（如服务器），或改用网页/接口操作',
    en: 'The data directory {dataDir} is in use by another process ({holder}, pid {pid}, since {since}): the embedded database can be opened by one process only. Stop that process (e.g. the server) first, or use the web UI or API',
  },
  CONTROL_CHARACTER: {
    kind: 'invalid',
    zh: '输入含有不允许的控制字符（如空字符），请删除后重试',
    en: 'The input contains a control character (such as NUL) that is not allowed',
  },
  VALUE_INVALID: {
    kind: 'invalid',
    zh: '输入的值无效：{problem}',
    en: 'Invalid value: {problemEn}',
  },
  RATE_LIMITED: { kind: 'rateLimited', zh: '{message}', en: '{messageEn}' },
  UNAVAILABLE: { kind: 'unavailable', zh: '{message}', en: '{messageEn}' },

  // ---- goals, indicators, change requests, indicator library ----
  YEAR_ENDED: {
    kind: 'state',
    zh: '{year} 年度已结束，不能再{action}：绩效目标须在年度执行前（至迟在年度内）设定、审核并锁定，不能依据实际完成情况补设；锁定后的调整请提交变更申请',
    en: 'Fiscal year {year} has ended: goals can no longer be {actionEn} (targets are set and locked before the actuals exist; changes after locking go through change requests)',
  },
  GOAL_SET_LOCKED: {
    kind: 'locked',
    zh: '绩效目标已锁定，不能直接修改：请提交变更申请',
    en: 'The goal set is locked: submit a change request instead',
  },
  GOAL_UNDER_REVIEW: {
    kind: 'state',
    zh: '绩效目标已送审，审核期间不能修改（被退回后可修改）',
    en: 'The goal set is under review and cannot be edited (it can be after it is returned)',
  },
  GOAL_PROJECT_OTHER_DEPARTMENT: {
    kind: 'invalid',
    zh: '项目「{project}」不属于部门 {department}',
    en: 'Project {project} does not belong to department {department}',
  },
  GOAL_PROJECT_OTHER_YEAR: {
    kind: 'invalid',
    zh: '项目「{project}」属于 {projectYear} 年度，不是 {year} 年度',
    en: 'Project {project} belongs to {projectYear}, not {year}',
  },
  PROJECT_GOAL_SET_EXISTS: {
    kind: 'conflict',
    zh: '该项目本年度已有绩效目标',
    en: 'This project already has a goal set for the year',
  },
  DEPARTMENT_GOAL_SET_EXISTS: {
    kind: 'conflict',
    zh: '本部门本年度已有部门整体绩效目标',
    en: 'The department already has an overall goal set for the year',
  },
  GOAL_ONCE_LOCKED: {
    kind: 'state',
    zh: '曾经锁定的绩效目标不能删除',
    en: 'A goal set that was once locked cannot be deleted',
  },
  GOAL_NOT_APPROVABLE: {
    kind: 'state',
    zh: '当前状态（{statusText}）不能审核',
    en: 'Cannot approve a goal set in status {status}',
  },
  GOAL_NOT_RETURNABLE: {
    kind: 'state',
    zh: '当前状态（{statusText}）不能退回',
    en: 'Cannot return a goal set in status {status}',
  },
  LEVEL2_NOT_OF_LEVEL1: {
    kind: 'invalid',
    zh: '二级指标「{level2Text}」不属于一级指标「{level1Text}」',
    en: 'Level 2 {level2} does not belong to level 1 {level1}',
  },
  INDICATOR_NAME_EMPTY: {
    kind: 'invalid',
    zh: '三级指标名称不能为空',
    en: 'The indicator name is empty',
  },
  TARGET_NOT_NUMERIC: {
    kind: 'invalid',
    zh: '定量指标的年度指标值应为数字（如 300、95.5），收到「{target}」：单位请填在计量单位中',
    en: 'A quantitative target must be a number, got "{target}"',
  },
  WEIGHT_INVALID: {
    kind: 'invalid',
    zh: '分值应为大于 0、不超过 100、至多两位小数的数字，收到「{weight}」',
    en: 'Weight must be a number in (0, 100] with at most 2 decimals, got "{weight}"',
  },
  INDICATOR_NAME_TAKEN: {
    kind: 'conflict',
    zh: '本目标下已有名为「{name}」的指标',
    en: 'An indicator named {name} already exists in this goal set',
  },
  ACTUAL_BEFORE_LOCK: {
    kind: 'locked',
    zh: '指标目标尚未锁定，不能填报实际值',
    en: 'The indicator’s targets are not locked yet; actual values cannot be entered',
  },
  DEDUCTION_BEFORE_LOCK: {
    kind: 'locked',
    zh: '指标目标尚未锁定，不能扣分',
    en: 'The indicator’s targets are not locked yet; no deduction possible',
  },
  RESULTS_FROZEN: {
    kind: 'state',
    zh: '{year} 年度自评已提交，不能再修改实际值或扣分（被退回后可修改）',
    en: 'The {year} self-evaluation has been submitted; actuals and deductions are frozen (until it is returned)',
  },
  ACTUAL_NOT_NUMERIC: {
    kind: 'invalid',
    zh: '定量指标的实际完成值应为数字（计量单位：{unit}），收到「{actual}」',
    en: 'A quantitative actual must be a number, got "{actual}"',
  },
  QUAL_SCORE_FOR_QUANTITATIVE: {
    kind: 'invalid',
    zh: '定量指标按公式计分，不能填写定性得分',
    en: 'Quantitative indicators are scored by formula; no qualitative score',
  },
  QUAL_LEVEL_INVALID: {
    kind: 'invalid',
    zh: '定性指标的完成情况应为：达成年度指标 / 部分达成年度指标并具有一定效果 / 未达成年度指标且效果较差',
    en: 'A qualitative actual must be ACHIEVED, PARTIAL or NOT_ACHIEVED',
  },
  QUAL_SCORE_MISSING: {
    kind: 'invalid',
    zh: '定性指标须填写得分（在所选档次的分数区间内）',
    en: 'A qualitative indicator needs a score within the band of its level',
  },
  QUAL_SCORE_OUT_OF_BAND: {
    kind: 'invalid',
    zh: '得分 {score} 不在该档次的区间 [{min}, {max}{close} 内',
    en: 'Score {score} is outside the band [{min}, {max}{close}',
  },
  DEDUCTION_INVALID: {
    kind: 'invalid',
    zh: '扣分应为 0 至该指标分值 {weight} 之间、至多两位小数的数字，收到「{deduction}」',
    en: 'The deduction must be between 0 and the weight {weight}, got "{deduction}"',
  },
  DEDUCTION_REASON_MISSING: {
    kind: 'invalid',
    zh: '扣分须填写理由',
    en: 'A deduction needs a reason',
  },
  CHANGE_OPERATOR_INVALID: {
    kind: 'invalid',
    zh: '指标性质应为 GE / GT / EQ / LT / LE / QUAL 之一，收到「{operator}」',
    en: 'Operator must be one of GE GT EQ LT LE QUAL, got "{operator}"',
  },
  CHANGE_NAME_LENGTH: {
    kind: 'invalid',
    zh: '指标名称应为 1–100 个字符',
    en: 'The name must have 1–100 characters',
  },
  CHANGE_UNIT_TOO_LONG: {
    kind: 'invalid',
    zh: '计量单位不超过 20 个字符',
    en: 'The unit has at most 20 characters',
  },
  CHANGE_TARGET_LENGTH: {
    kind: 'invalid',
    zh: '年度指标值不能为空（不超过 200 个字符）',
    en: 'The target must not be empty (at most 200 characters)',
  },
  CHANGE_TARGET_NOT_NUMERIC: {
    kind: 'invalid',
    zh: '定量指标「{indicator}」的年度指标值应为数字，收到「{target}」',
    en: 'Quantitative indicator {indicator}: target must be a number, got "{target}"',
  },
  CHANGE_REASON_MISSING: {
    kind: 'invalid',
    zh: '变更申请须填写理由',
    en: 'A change request needs a reason',
  },
  CHANGE_ITEMS_EMPTY: {
    kind: 'invalid',
    zh: '变更申请至少包含一项变更',
    en: 'A change request needs at least one change',
  },
  CHANGE_OTHER_GOAL: {
    kind: 'invalid',
    zh: '变更的指标不属于该绩效目标',
    en: 'The indicators do not belong to this goal set',
  },
  CHANGE_MIXED_GOALS: {
    kind: 'invalid',
    zh: '一次变更申请只能包含同一绩效目标下的指标',
    en: 'One change request covers indicators of one goal set only',
  },
  CHANGE_BEFORE_LOCK: {
    kind: 'state',
    zh: '绩效目标尚未锁定：锁定前请直接修改指标，无需变更申请',
    en: 'The goal set is not locked: edit the indicators directly',
  },
  CHANGE_FIELD_REPEATED: {
    kind: 'invalid',
    zh: '指标「{indicator}」的{fieldText}在本申请中重复出现',
    en: '{field} of {indicator} appears twice',
  },
  CHANGE_UNCHANGED: {
    kind: 'invalid',
    zh: '指标「{indicator}」的{fieldText}未改变（{value}）',
    en: '{field} of {indicator} is unchanged',
  },
  CHANGE_PENDING: {
    kind: 'conflict',
    zh: '指标「{indicator}」的{fieldText}已有待审核的变更申请',
    en: 'A change of {field} of {indicator} is already pending',
  },
  CHANGE_ALREADY_DECIDED: {
    kind: 'state',
    zh: '该变更申请已{statusText}，不能再审核',
    en: 'The change request is already {status}',
  },
  CHANGE_STALE: {
    kind: 'conflict',
    zh: '指标「{indicator}」的{fieldText}在申请后已被修改，请驳回后重新申请',
    en: '{field} changed since the request; reject and request again',
  },
  REJECTION_COMMENT_MISSING: {
    kind: 'invalid',
    zh: '驳回须填写意见',
    en: 'A rejection needs a comment',
  },
  TEMPLATE_UNIT_MISSING: {
    kind: 'invalid',
    zh: '定量指标须填写计量单位',
    en: 'A quantitative indicator needs a unit',
  },
  TEMPLATE_NAME_TAKEN: {
    kind: 'conflict',
    zh: '指标库「{field}」领域已有「{name}」',
    en: 'The library already has {name} in {field}',
  },
  // (end of goals, indicators, change requests, indicator library)

  // ---- evaluations, reports, reviews, monitoring, execution, projects ----
  PARAGRAPH_NOT_OVERRIDDEN: {
    kind: 'notFound',
    zh: '段落「{key}」没有被改写过',
    en: 'Paragraph "{key}" has no override',
  },
  MONITORING_MONTH_INVALID: {
    kind: 'invalid',
    zh: '监控截止月份应为 1–12',
    en: 'the cut-off month must be 1–12',
  },
  MONITORING_MONTH_NOT_CUTOFF: {
    kind: 'invalid',
    zh: '{month} 月不是 {year} 年度的监控截止月份（可选：{months} 月）',
    en: '{month} is not a monitoring cut-off month of {year} (allowed: {monthsEn})',
  },
  MONITORING_FORM_SUBMITTED: {
    kind: 'locked',
    zh: '{year} 年 {month} 月的运行监控表已报送，不能再修改',
    en: 'The monitoring form for {year}-{month} was submitted and can no longer be changed',
  },
  MONITORING_RESPONSES_INVALID: {
    kind: 'invalid',
    zh: '监控反馈有 {count} 处错误：{problems}',
    en: '{count} problem(s) in the responses',
  },
  MONITORING_RESPONSES_MISSING: {
    kind: 'state',
    zh: '还有 {count} 项红色/黄色预警未填写反馈：{items}',
    en: '{count} red/yellow warning(s) still lack reasons, likelihood or measures',
  },
  EVALUATION_ALREADY_SUBMITTED: {
    kind: 'state',
    zh: '自评已提交，不能重复提交；如需修改请由财政局退回',
    en: 'The self-evaluation is already submitted; it must be returned before it can change',
  },
  EVALUATION_GOALS_NOT_LOCKED: {
    kind: 'state',
    zh: '以下绩效目标尚未批复锁定，不能提交自评：{goals}。请先完成目标审核与锁定',
    en: 'Goal sets not yet approved and locked: {goalsEn}',
  },
  EVALUATION_INCOMPLETE: {
    kind: 'invalid',
    zh: '自评数据不完整或有误，不能提交：请先补全实际完成值等信息',
    en: 'The self-evaluation is incomplete or invalid',
  },
  EVALUATION_NOTHING_TO_RETURN: {
    kind: 'state',
    zh: '该部门尚未提交自评，无需退回',
    en: 'Nothing submitted to return',
  },
  EVALUATION_NOTHING_TO_ACCEPT: {
    kind: 'state',
    zh: '该部门尚未提交自评',
    en: 'Nothing submitted to accept',
  },
  PARAGRAPH_UNKNOWN: {
    kind: 'invalid',
    zh: '报告中没有编号为「{key}」的段落',
    en: 'The report has no paragraph "{key}"',
  },
  MONITORING_CONFIG_INVALID: {
    kind: 'state',
    zh: '{year} 年度的监控配置有误：{problems}',
    en: 'The {year} monitoring configuration is invalid: {problemsEn}',
  },
  EXECUTION_MONTH_INVALID: {
    kind: 'invalid',
    zh: '月份应为 1–12',
    en: 'month must be 1–12',
  },
  REVIEW_FILE_EMPTY: {
    kind: 'invalid',
    zh: '上传的文件是空的',
    en: 'The uploaded file is empty',
  },
  REVIEW_FILE_TOO_LARGE: {
    kind: 'invalid',
    zh: '文件超过 20 MB，无法审核',
    en: 'The file is larger than 20 MB',
  },
  REVIEW_FILE_TYPE: {
    kind: 'invalid',
    zh: '只能审核 .txt、.docx 或 .pdf 格式的报告',
    en: 'Only .txt, .docx and .pdf reports can be reviewed',
  },
  REVIEW_FILE_UNREADABLE: {
    kind: 'invalid',
    zh: '{problem}',
    en: '{problemEn}',
  },
  REVIEW_UPLOAD_FORM: {
    kind: 'invalid',
    zh: '请以 multipart/form-data 上传报告文件（字段名 file）',
    en: 'Upload the report as multipart/form-data field "file"',
  },
  REVIEW_FILE_MISSING: {
    kind: 'invalid',
    zh: '请选择要审核的报告文件（字段名 file）',
    en: 'Choose a report file (field "file")',
  },
  REVIEW_TEXT_TOO_LONG: {
    kind: 'tooLarge',
    zh: '报告文字过长（{chars} 字，上限 {max} 字），无法审核；请分册上传',
    en: 'The report text is too long to review ({chars} characters; the limit is {max})',
  },
  REVIEW_TOO_HEAVY: {
    kind: 'unprocessable',
    zh: '该文件在 {seconds} 秒内未能读完和审核，已停止；请检查文件是否损坏，或另存为 .docx / 文字版 PDF 后再试',
    en: 'The file could not be read and reviewed within {seconds} seconds and was stopped; check that it is not damaged',
  },
  REVIEW_BUSY: {
    kind: 'unavailable',
    zh: '同时审核的报告较多，请稍后再试',
    en: 'Many reports are being reviewed at once; try again shortly',
  },
  REVIEW_DOCUMENT_TYPE: {
    kind: 'invalid',
    zh: '报告类型只能是部门整体支出自评报告、项目支出自评报告、绩效评价报告或整改报告（不填则自动识别）',
    en: 'The report type must be a department or project self-evaluation, an evaluation report or a rectification report (or left empty)',
  },
  PROJECT_CODE_TAKEN: {
    kind: 'conflict',
    zh: '项目编码「{code}」在 {year} 年度已被本部门其他项目使用，请换一个编码',
    en: 'Project code {code} is already used by another project of the department in {year}',
  },
  PROJECT_LEVEL1_HAS_PARENT: {
    kind: 'invalid',
    zh: '一级项目不能有上级项目',
    en: 'A level-1 project has no parent',
  },
  PROJECT_PARENT_REQUIRED: {
    kind: 'invalid',
    zh: '二级项目须选择所属的一级项目',
    en: 'A level-2 project needs its level-1 parent',
  },
  PROJECT_PARENT_OTHER: {
    kind: 'invalid',
    zh: '上级项目「{parent}」不是本部门 {year} 年度的项目',
    en: 'Parent {parent} is not a project of the department in {year}',
  },
  PROJECT_OWN_PARENT: {
    kind: 'invalid',
    zh: '项目不能以自己为上级项目',
    en: 'A project cannot be its own parent',
  },
  PROJECT_PARENT_NOT_LEVEL1: {
    kind: 'invalid',
    zh: '上级项目「{parent}」是二级项目：二级项目只能挂在一级项目下',
    en: 'Parent {parent} is a level-2 project; level-2 projects hang under level-1 projects',
  },
  PROJECT_CODE_IN_LEDGER: {
    kind: 'conflict',
    zh: '项目编码「{code}」已被 {rows} 条支出台账记录引用，不能修改编码（台账按项目编码归集）；如需更正，请先在台账导入中替换相关月份的记录',
    en: 'Project code {code} is referenced by {rows} ledger rows and cannot change (the ledger is grouped by project code); replace those months’ ledger imports first',
  },
  PROJECT_HAS_CHILDREN: {
    kind: 'state',
    zh: '项目「{code}」下有 {children} 个二级项目，不能改为二级项目',
    en: 'Project {code} has {children} level-2 projects under it and cannot become level 2',
  },
  // (end of evaluations, reports, reviews, monitoring, execution, projects)

  // ---- regions, departments, overview, audit log, templates ----
  FISCAL_YEAR_OTHER_REGION: {
    kind: 'forbidden',
    zh: '无权查看或管理其他地区的预算年度',
    en: 'You may not see or manage another region’s fiscal years',
  },
  AUDIT_DATE_INVALID: {
    kind: 'invalid',
    zh: '日期「{date}」无效',
    en: 'Invalid date {date}',
  },
  AUDIT_RANGE_INVALID: {
    kind: 'invalid',
    zh: '起始时间应早于截止时间',
    en: 'from must be before to',
  },
  FISCAL_YEAR_TOO_LATE: {
    kind: 'invalid',
    zh: '预算年度最晚只能开启到下一年度（{maxYear} 年），收到 {year} 年',
    en: 'The latest fiscal year that can be opened is next year ({maxYear}); got {year}',
  },
  SCORING_PRESET_UNKNOWN: {
    kind: 'invalid',
    zh: '计分规则「{preset}」不存在，可选：{presets}',
    en: 'Unknown scoring preset {preset}',
  },
  FISCAL_YEAR_ALREADY_OPEN: {
    kind: 'conflict',
    zh: '{year} 年度已经开启，无需重复开启',
    en: 'Fiscal year {year} is already open',
  },
  // (end of regions, departments, overview, audit log, templates)

  // ---- investment pipeline, enterprises, allocations, metrics ----
  METRIC_NOT_BOUND: {
    kind: 'notFound',
    zh: '指标「{indicator}」未绑定业务数据取数',
    en: 'Indicator {indicator} is not bound to a metric',
  },
  PROJECT_FIELDS_INVALID: {
    kind: 'invalid',
    zh: '输入有误：{problem}',
    en: 'Invalid input: {problemEn}',
  },
  INVESTMENT_PROJECT_CODE_TAKEN: {
    kind: 'conflict',
    zh: '项目编号「{code}」已存在',
    en: 'Project code {code} already exists',
  },
  STAGE_UNCHANGED: {
    kind: 'state',
    zh: '项目已处于「{stage}」阶段',
    en: 'The project is already at {stageEn}',
  },
  STAGE_BACK_REASON_REQUIRED: {
    kind: 'invalid',
    zh: '退回到「{stage}」属于更正，请填写退回原因',
    en: 'Moving back to {stageEn} is a correction: give a reason',
  },
  STAGE_DATE_INVALID: {
    kind: 'invalid',
    zh: '请填写达到「{stage}」的日期（格式 YYYY-MM-DD）',
    en: 'Give the date {stageEn} was reached (YYYY-MM-DD)',
  },
  STAGE_DATE_IN_FUTURE: {
    kind: 'invalid',
    zh: '日期 {date} 晚于今天（{today}）',
    en: 'Date {date} is after today ({today})',
  },
  STAGE_DATE_BEFORE_PREVIOUS: {
    kind: 'invalid',
    zh: '「{stage}」日期 {date} 早于「{from}」日期 {fromDate}',
    en: '{stageEn} date {date} is before the {fromEn} date {fromDate}',
  },
  PIPELINE_FILE_TOO_LARGE: {
    kind: 'invalid',
    zh: '文件超过 {limit}，请分批导入',
    en: 'The file is larger than {limit}',
  },
  PIPELINE_WORKBOOK_UNREADABLE: {
    kind: 'invalid',
    zh: '文件无法读取：请上传 Excel 2007 及以上格式（.xlsx）的文件',
    en: 'The file is not a readable .xlsx workbook',
  },
  PIPELINE_WORKBOOK_EMPTY: {
    kind: 'invalid',
    zh: '文件中没有工作表',
    en: 'The workbook has no worksheet',
  },
  PIPELINE_IMPORT_ROWS_INVALID: {
    kind: 'unprocessable',
    zh: '导入失败：发现 {count} 处错误，未导入任何数据。{first}',
    en: 'Import refused: {count} error(s), nothing was imported. {firstEn}',
  },
  METRIC_BINDING_UNKNOWN: {
    kind: 'state',
    zh: '指标「{indicator}」绑定的取数口径「{metric}」不存在',
    en: 'Unknown metric {metric}',
  },
  METRIC_BINDING_LOCKED: {
    kind: 'locked',
    zh: '绩效目标已提交或锁定，不能更改指标的取数口径；如需调整请提出变更申请',
    en: 'The goal set is submitted or locked: the metric binding cannot change',
  },
  METRIC_KEY_UNKNOWN: {
    kind: 'invalid',
    zh: '取数口径「{metric}」不存在，可选：{options}',
    en: 'Unknown metric {metric}',
  },
  METRIC_PARAMS_INVALID: {
    kind: 'invalid',
    zh: '{problem}',
    en: '{problemEn}',
  },
  ALLOCATION_INPUT_INVALID: {
    kind: 'invalid',
    zh: '输入有误：{problem}',
    en: 'Invalid input: {problemEn}',
  },
  ALLOCATION_SUM_MISMATCH: {
    kind: 'invalid',
    zh: '{problem}',
    en: '{problemEn}',
  },
  ALLOCATION_LINES_INVALID: {
    kind: 'invalid',
    zh: '{problem}',
    en: '{problemEn}',
  },
  // (end of investment pipeline, enterprises, allocations, metrics)

  // ---- accounts and sign-in ----
  LOGIN_FAILED: {
    kind: 'unauthenticated',
    zh: '用户名或密码错误',
    en: 'Wrong username or password',
  },
  ACCOUNT_DISABLED: {
    kind: 'forbidden',
    zh: '账户已停用，请联系系统管理员',
    en: 'This account is disabled; contact the system administrator',
  },
  ACCOUNT_OTHER_REGION: {
    kind: 'forbidden',
    zh: '只能管理本行政区划的账户',
    en: 'You may only manage accounts of your own region',
  },
  ADMIN_ROLE_NOT_GRANTABLE: {
    kind: 'forbidden',
    zh: '系统管理员只能创建业务账户（填报员、部门负责人、财政审核员）；三员角色由安全管理员授予',
    en: 'The system administrator creates business accounts only; administrator roles are granted by the security administrator',
  },
  ACCOUNT_LOCKED: {
    kind: 'locked',
    zh: '账户已锁定，请于 {until} 后再试，或联系安全管理员解锁',
    en: 'This account is locked; try again after {untilIso} or ask the security administrator',
  },
  LOGIN_THROTTLED: {
    kind: 'rateLimited',
    zh: '登录失败次数过多，请 {minutes} 分钟后再试',
    en: 'Too many failed sign-ins; try again in {minutes} minute(s)',
  },
  ADMIN_ACCOUNT_PROTECTED: {
    kind: 'forbidden',
    zh: '三员分立：其他职责的管理员账户（系统管理员、安全管理员、审计管理员）只能由同一职责的管理员或在服务器本机用命令行管理',
    en: 'Separation of duties: an administrator account of another duty is managed only by an administrator of that duty or on the server with the command line',
  },
  ADMIN_ROLE_CLI_ONLY: {
    kind: 'forbidden',
    zh: '三员分立：系统管理员、安全管理员、审计管理员角色只能在服务器本机用命令行授予或收回',
    en: 'Separation of duties: the administrator roles are granted and withdrawn only on the server with the command line',
  },
  PASSWORD_REUSED: {
    kind: 'invalid',
    zh: '新密码不能与最近 {count} 次使用过的密码相同',
    en: 'The new password must differ from the last {count} passwords',
  },
  PASSWORD_FIELDS_REQUIRED: {
    kind: 'invalid',
    zh: '请填写当前密码和新密码',
    en: 'Give the current password and the new one',
  },
  PASSWORD_POLICY_OUT_OF_RANGE: {
    kind: 'invalid',
    zh: '密码策略「{setting}」应为 {min}–{max} 之间的整数',
    en: 'Password policy {setting} must be an integer in {min}..{max}',
  },
  PASSWORD_TOO_WEAK: {
    kind: 'invalid',
    zh: '密码不符合要求：{problems}',
    en: 'Password rejected: {problemsEn}',
  },
  CURRENT_PASSWORD_WRONG: {
    kind: 'invalid',
    zh: '当前密码不正确',
    en: 'The current password is wrong',
  },
  PASSWORD_UNCHANGED: {
    kind: 'invalid',
    zh: '新密码不能与当前密码相同',
    en: 'The new password must differ from the current one',
  },
  USERNAME_INVALID: {
    kind: 'invalid',
    zh: '用户名须为 3–32 位小写字母、数字或 _ . -，以字母开头',
    en: 'Username: 3–32 of a-z 0-9 _ . -, starting with a letter',
  },
  USERNAME_TAKEN: {
    kind: 'conflict',
    zh: '用户名「{username}」已存在',
    en: 'Username {username} already exists',
  },
  ACCOUNT_DEPARTMENT_REQUIRED: {
    kind: 'invalid',
    zh: '该角色的账户必须归属一个部门（填报、审核）或财政局（财政审核）',
    en: 'Accounts of this role must belong to a department (clerk, head) or a finance bureau (reviewer)',
  },
  ACCOUNT_DEPARTMENT_UNKNOWN: {
    kind: 'invalid',
    zh: '部门「{department}」不存在',
    en: 'Department {department} does not exist',
  },
  ROLE_NEEDS_SPENDING_DEPARTMENT: {
    kind: 'invalid',
    zh: '填报员和部门负责人应归属预算部门，而不是财政局',
    en: 'Clerks and department heads belong to a spending department, not the finance bureau',
  },
  ROLE_NEEDS_FINANCE_BUREAU: {
    kind: 'invalid',
    zh: '财政审核员和管理员账户应归属财政局',
    en: 'Finance reviewers and administrators belong to the finance bureau',
  },
  OWN_ACCOUNT_NOT_DISABLABLE: {
    kind: 'invalid',
    zh: '不能停用自己的账户',
    en: 'You cannot disable your own account',
  },
  OWN_ROLE_NOT_CHANGEABLE: {
    kind: 'invalid',
    zh: '不能修改自己的角色',
    en: 'You cannot change your own role',
  },
  OWN_ACCOUNT_NOT_LOCKABLE: {
    kind: 'invalid',
    zh: '不能锁定自己的账户',
    en: 'You cannot lock your own account',
  },
  // (end of accounts and sign-in)

  // ---- imports (ledger, budgets, progress, goals, column mapping) ----
  IMPORT_ROWS_INVALID: {
    kind: 'unprocessable',
    zh: '文件「{fileName}」有 {errorCount} 处错误（涉及 {badRows} 行），已整批拒绝，未导入任何数据。请逐条改正后重新导入。',
    en: 'File "{fileName}" has {errorCount} error(s) on {badRows} row(s); it was refused whole and nothing was imported. Fix every error and import again.',
  },
  IMPORT_DUPLICATE_FILE: {
    kind: 'conflict',
    zh: '该文件已导入过（{at}，文件「{fileName}」，{rows} 行），本次未重复计入。',
    en: 'This file was already imported ({at}, "{fileName}", {rows} rows); nothing was counted twice.',
  },
  IMPORT_NO_ROWS: {
    kind: 'unprocessable',
    zh: '文件「{fileName}」只有表头，没有数据行',
    en: 'File "{fileName}" has a header but no rows',
  },
  IMPORT_NO_PROJECTS: {
    kind: 'unprocessable',
    zh: '{department} {year} 年度还没有项目预算：请先导入项目预算（import budgets）',
    en: '{department} has no projects for {year}: import the budget first',
  },
  IMPORT_TOTAL_OUT_OF_RANGE: {
    kind: 'unprocessable',
    zh: '文件「{fileName}」的金额合计超出范围',
    en: 'The total amount of "{fileName}" is out of range',
  },
  IMPORT_MONTHS_TAKEN: {
    kind: 'conflict',
    zh: '{year} 年 {months} 已有支出台账数据，本次未导入。如确需用本文件替换这些月份，请先预览替换（将删除和新增的笔数、金额及执行率变化），确认后再替换；替换后可在导入记录中撤销。',
    en: 'Month(s) {monthsEn} of {year} already hold ledger entries; nothing was imported. To replace those months, preview the replacement (rows and amounts removed and added, the execution rate before and after) and confirm it; it can be undone from the import history.',
  },
  IMPORT_SCOPE_INVALID: {
    kind: 'invalid',
    zh: '请只指定部门（--department）或地区（--region）之一',
    en: 'Give either a department (--department) or a region (--region)',
  },
  IMPORT_MAPPING_INVALID: {
    kind: 'invalid',
    zh: '列对应关系有误：字段「{field}」不是该类文件的字段',
    en: 'Column mapping: "{field}" is not a field of this kind of file',
  },
  // (end of imports (ledger, budgets, progress, goals, column mapping))

  // ---- import parsing off the request thread (issue 16) ----
  IMPORT_PARSE_BUSY: {
    kind: 'unavailable',
    zh: '同时导入的文件较多，请稍后再试',
    en: 'Many files are being imported at once; try again shortly',
  },
  IMPORT_PARSE_TOO_HEAVY: {
    kind: 'unprocessable',
    zh: '文件在 {minutes} 分钟内未能读完（或过大，超出可用内存），已停止，未导入任何数据；请检查文件，或拆分后分批导入',
    en: 'The file could not be read within {minutes} minutes (or needed more memory than allowed) and was stopped; nothing was imported. Check the file or split it',
  },
  // (end of import parsing off the request thread (issue 16))

  // ---- organisation and onboarding (regions, agencies, units, fiscal years, user import) ----
  REGION_CODE_INVALID: {
    kind: 'invalid',
    zh: '行政区划代码「{code}」无效：应为 6 位数字，前两位为有效的省级代码（如 440111）',
    en: 'Region code {code} is invalid: 6 digits starting with a valid province code (e.g. 440111)',
  },
  REGION_EXISTS: {
    kind: 'conflict',
    zh: '行政区划 {code} 已存在，名称为「{name}」，与本次给出的不一致',
    en: 'Region {code} already exists as {name}, with other values than given',
  },
  REGION_NOT_FOUND: {
    kind: 'notFound',
    zh: '行政区划 {code} 不存在：请先运行 npx jixiao region create --code {code} --name 名称',
    en: 'Region {code} does not exist: run npx jixiao region create --code {code} --name NAME first',
  },
  AGENCY_CODE_INVALID: {
    kind: 'invalid',
    zh: '单位代码「{code}」无效：只能包含字母、数字、- 和 .（不超过 32 位）',
    en: 'Agency code {code} is invalid: letters, digits, - and . only (at most 32)',
  },
  AGENCY_CODE_TAKEN: {
    kind: 'conflict',
    zh: '单位代码「{code}」已被「{name}」使用',
    en: 'Agency code {code} is already used by {name}',
  },
  AGENCY_PARENT_INVALID: {
    kind: 'invalid',
    zh: '上级单位「{parent}」不是本地区的主管部门',
    en: 'Parent {parent} is not a department of this region',
  },
  FINANCE_BUREAU_TAKEN: {
    kind: 'conflict',
    zh: '财政局代码「{code}」已被其他单位使用',
    en: 'Finance bureau code {code} is already used by another agency',
  },
  ORGANISATION_FILE_INVALID: {
    kind: 'unprocessable',
    zh: '文件「{fileName}」有 {count} 处错误（涉及 {rows} 行），已整批拒绝，未导入任何数据。请逐条改正后重新导入。',
    en: 'File "{fileName}" has {count} error(s) on {rows} row(s); it was refused whole and nothing was imported.',
  },
  IMPORT_HEADERS_MISSING: {
    kind: 'unprocessable',
    zh: '文件「{fileName}」中找不到表头：缺少 {expected}；文件中的表头为：{found}。未导入任何数据。',
    en: 'No header row found in "{fileName}": missing {expected}; the file has: {foundEn}. Nothing was imported.',
  },
  IMPORT_FILE_UNREADABLE: {
    kind: 'unprocessable',
    zh: '{message}',
    en: '{messageEn}',
  },
  PASSWORDS_FILE_EXISTS: {
    kind: 'invalid',
    zh: '密码文件 {file} 已存在：初始密码只写一次，请换一个文件名',
    en: 'Passwords file {file} already exists: initial passwords are written once, choose another name',
  },
  ORGANISATION_OTHER_REGION: {
    kind: 'forbidden',
    zh: '只能管理本地区的单位',
    en: 'You may only manage the agencies of your own region',
  },
  // (end of organisation and onboarding (regions, agencies, units, fiscal years, user import))

  // ---- ex-ante assessment (事前绩效评估) ----
  EXANTE_SHEET_INVALID: {
    kind: 'unprocessable',
    zh: '评分表有 {count} 处问题：{first}',
    en: 'The score sheet has {count} problems: {firstEn}',
  },
  EXANTE_ITEM_EXISTS: {
    kind: 'conflict',
    zh: '项目「{project}」在 {year} 年度已登记事前绩效评估',
    en: 'Project {project} already has an ex-ante assessment for {year}',
  },
  EXANTE_WRONG_STATE: {
    kind: 'state',
    zh: '事前绩效评估当前状态为「{state}」，不能{action}',
    en: 'The ex-ante assessment is {stateEn}: cannot {actionEn}',
  },
  EXANTE_NOT_ASSIGNED: {
    kind: 'forbidden',
    zh: '该事前绩效评估未委托给本机构',
    en: 'This ex-ante assessment is not assigned to your agency',
  },
  EXANTE_CONFIRM_NOT_NEEDED: {
    kind: 'state',
    zh: '只有结论为「调整完善后予以支持」的评估需要财政确认',
    en: 'Only a "support after revision" conclusion needs the bureau’s confirmation',
  },
  EXANTE_BUDGET_BLOCKED: {
    kind: 'state',
    zh: '项目「{project}」不能安排年初预算：{reason}',
    en: 'Project {project} cannot receive an initial budget line: {reasonEn}',
  },
  EXANTE_AGENCY_EXISTS: {
    kind: 'conflict',
    zh: '第三方机构编码「{agency}」已存在',
    en: 'Agency code {agency} already exists',
  },
  GOAL_GRADE_CHANGES_REQUIRED: {
    kind: 'invalid',
    zh: '审核结果为「良」时须写明需要修改的内容',
    en: 'A "good" grade needs the required changes written down',
  },
  EXANTE_REGION_REQUIRED: {
    kind: 'invalid',
    zh: '请指定行政区划代码（regionCode）：本账户可管理多个地区',
    en: 'Give the region code (regionCode): this account serves several regions',
  },
  EXANTE_TEMPLATE_INVALID: {
    kind: 'invalid',
    zh: '评估模板有 {count} 处问题：{first}',
    en: 'The assessment template has {count} problems: {firstEn}',
  },
  EXANTE_AGENCY_UNKNOWN: {
    kind: 'invalid',
    zh: '第三方机构「{agency}」尚未登记：请财政局先登记该机构',
    en: 'Agency {agency} is not registered: the finance bureau registers it first',
  },
  EXANTE_EVIDENCE_EMPTY: {
    kind: 'invalid',
    zh: '没有收到佐证材料文件，或文件是空的：请重新选择文件',
    en: 'No evidence file was received, or it is empty: choose the file again',
  },
  EXANTE_EVIDENCE_TOO_LARGE: {
    kind: 'tooLarge',
    zh: '佐证材料文件超过 {limit}，请压缩或拆分后上传',
    en: 'The evidence file is larger than {limit}; compress or split it',
  },
  EXANTE_EVIDENCE_TYPE: {
    kind: 'unsupportedMedia',
    zh: '佐证材料只接受 PDF、Word、Excel、图片（JPG/PNG）或文本文件，且文件内容须与扩展名一致',
    en: 'Evidence must be a PDF, Word, Excel, image (JPG/PNG) or text file whose content matches its extension',
  },
  // (end of ex-ante assessment (事前绩效评估))

  // ---- rectification (整改) ----
  RECTIFICATION_STATUS_WRONG: {
    kind: 'state',
    zh: '该整改事项当前为「{statusText}」，不能{action}',
    en: 'This rectification item is {status}; it cannot {actionEn}',
  },
  RECTIFICATION_PROBLEM_REQUIRED: {
    kind: 'invalid',
    zh: '请填写整改问题的描述',
    en: 'Describe the problem to be rectified',
  },
  RECTIFICATION_RESULT_REQUIRED: {
    kind: 'invalid',
    zh: '提交复核前请填写整改结果说明',
    en: 'Write the rectification result before submitting it for review',
  },
  RECTIFICATION_EVIDENCE_REQUIRED: {
    kind: 'invalid',
    zh: '提交复核前请上传至少一份佐证材料',
    en: 'Add at least one piece of evidence before submitting for review',
  },
  RECTIFICATION_EVIDENCE_EMPTY: {
    kind: 'invalid',
    zh: '佐证材料须有文件或文字说明',
    en: 'Evidence needs a file or a note',
  },
  RECTIFICATION_OPINION_REQUIRED: {
    kind: 'invalid',
    zh: '复核退回须填写退回意见',
    en: 'Sending an item back needs a comment',
  },
  RECTIFICATION_DEADLINES_INVALID: {
    kind: 'invalid',
    zh: '整改期限须为 1 至 365 天的整数',
    en: 'Rectification periods are whole days from 1 to 365',
  },
  RECTIFICATION_DATE_INVALID: {
    kind: 'invalid',
    zh: '整改期限不能早于评价结果确定日期（{finalOn}）',
    en: 'The deadline cannot be before the day the result became final ({finalOn})',
  },
  RECTIFICATION_PROJECT_UNKNOWN: {
    kind: 'invalid',
    zh: '该项目不属于所选部门和年度',
    en: 'This project does not belong to the chosen department and year',
  },
  RECTIFICATION_SOURCE_NOT_READY: {
    kind: 'state',
    zh: '{what}尚未提交或审核，不能据此生成整改事项',
    en: '{whatEn} is not submitted or reviewed yet; no rectification items can come from it',
  },
  RECTIFICATION_REGION_REQUIRED: {
    kind: 'invalid',
    zh: '请指定行政区划代码（regionCode）：本账户可管理多个地区',
    en: 'Give the region code (regionCode): this account serves several regions',
  },
  // (end of rectification (整改))

  // ---- operations (backup, restore, health) ----
  BACKUP_FILE_INVALID: {
    kind: 'unprocessable',
    zh: '该文件不是 Jixiao 备份文件，或已损坏、不完整（{reason}），数据库未作任何改动',
    en: 'This file is not a Jixiao backup, or it is damaged or incomplete ({reasonEn}); nothing was changed',
  },
  BACKUP_SCHEMA_NEWER: {
    kind: 'unprocessable',
    zh: '备份来自较新版本的 Jixiao（数据库结构第 {backup} 版，本程序为第 {known} 版）：请先升级程序再恢复',
    en: 'The backup comes from a newer Jixiao (database structure {backup}, this program {known}): upgrade first',
  },
  BACKUP_SCHEMA_UNKNOWN: {
    kind: 'unprocessable',
    zh: '备份的数据库结构与本程序的版本历史不符（第 {index} 版不同）：不能恢复',
    en: 'The backup’s database structure does not match this program’s history (version {index} differs)',
  },
  RESTORE_CONFIRM_REQUIRED: {
    kind: 'invalid',
    zh: '目标数据库已有数据（{users} 个账户、{entries} 条审计记录）：恢复会用备份整体替换全部数据，确认后请加 --yes 重试',
    en: 'The target database holds data ({users} accounts, {entries} audit entries): a restore replaces all of it; add --yes to confirm',
  },
  // (end of operations (backup, restore, health))

  // ---- publication (公开) and 人大 reporting ----
  PUBLICATION_EVALUATION_NOT_SUBMITTED: {
    kind: 'state',
    zh: '{year}年度部门整体支出绩效自评尚未提交，不能准备公开材料',
    en: 'The {year} department self-evaluation has not been submitted: the publication package cannot be prepared',
  },
  PUBLICATION_NOT_PREPARED: {
    kind: 'state',
    zh: '{year}年度公开材料尚未准备，请先生成公开材料包',
    en: 'The {year} publication package has not been prepared yet',
  },
  PUBLICATION_ALREADY_PUBLISHED: {
    kind: 'state',
    zh: '{year}年度公开材料已公开，如需重新生成请先撤回公开记录',
    en: 'The {year} package is already published: withdraw the publication record before preparing it again',
  },
  PUBLICATION_NOT_PUBLISHED: {
    kind: 'state',
    zh: '{year}年度公开材料尚未登记公开，无需撤回',
    en: 'The {year} package has not been recorded as published',
  },
  PUBLICATION_URL_INVALID: {
    kind: 'invalid',
    zh: '公开网址应以 http:// 或 https:// 开头',
    en: 'The publication URL must start with http:// or https://',
  },
  PUBLICATION_DATE_INVALID: {
    kind: 'invalid',
    zh: '公开日期应为有效日期（年-月-日），且不晚于今天',
    en: 'The publication date must be a valid date (YYYY-MM-DD), not in the future',
  },
  PUBLICATION_SCREENSHOT_REQUIRED: {
    kind: 'invalid',
    zh: '请上传公开页面的截图（PNG 或 JPEG 图片）',
    en: 'Upload a screenshot of the published page (PNG or JPEG)',
  },
  PUBLICATION_SCREENSHOT_TYPE: {
    kind: 'unsupportedMedia',
    zh: '截图应为 PNG 或 JPEG 图片',
    en: 'The screenshot must be a PNG or JPEG image',
  },
  PUBLICATION_SCREENSHOT_TOO_LARGE: {
    kind: 'tooLarge',
    zh: '截图不能超过 5 MB',
    en: 'The screenshot may not exceed 5 MB',
  },
  NPC_EVALUATION_UNKNOWN: {
    kind: 'notFound',
    zh: '未找到该绩效评价（只能标记已提交的自评或已完成的重点评价）',
    en: 'No such evaluation (only submitted self-evaluations and concluded external evaluations can be flagged)',
  },
  NPC_FLAG_NOT_SET: {
    kind: 'state',
    zh: '该评价未标记为拟报人大',
    en: 'This evaluation is not flagged for the people’s congress',
  },
  // (end of publication (公开) and 人大 reporting)

  // ---- linkage (结果应用, 预算安排建议) ----
  LINKAGE_RULES_INVALID: {
    kind: 'invalid',
    zh: '结果应用规则有 {count} 处问题：{first}',
    en: 'The linkage rules have {count} problems: {firstEn}',
  },
  LINKAGE_REGION_REQUIRED: {
    kind: 'invalid',
    zh: '请指定行政区划代码：本账户可管理多个地区',
    en: 'Give the region code: this account serves several regions',
  },
  LINKAGE_OBJECT_UNKNOWN: {
    kind: 'notFound',
    zh: '{year}年预算安排建议中没有「{object}」',
    en: 'The {year} budget proposal has no line for {object}',
  },
  LINKAGE_REASON_REQUIRED: {
    kind: 'invalid',
    zh: '调整建议的处理方式或金额时须填写理由',
    en: 'Give a reason when changing the proposed action or amount',
  },
  LINKAGE_AMOUNT_INVALID: {
    kind: 'invalid',
    zh: '安排金额须为不小于0的金额（元，最多两位小数）',
    en: 'The amount must be 0 or more (yuan, at most two decimals)',
  },
  // (end of linkage (结果应用, 预算安排建议))

  // ---- external evaluation (财政重点评价 / 部门评价) ----
  EXTEVAL_NOT_SELF_EVALUATED: {
    kind: 'state',
    zh: '项目「{project}」尚未提交 {year} 年度单位自评，请先进行单位自评，再进行重点绩效评价',
    en: 'Project {project} has no submitted self-evaluation for {year}: it must be self-evaluated first',
  },
  EXTEVAL_EXISTS: {
    kind: 'conflict',
    zh: '「{object}」的 {year} 年度重点绩效评价已经存在',
    en: 'An external evaluation of {object} for {year} already exists',
  },
  EXTEVAL_WRONG_STATE: {
    kind: 'state',
    zh: '该重点绩效评价当前为「{state}」，不能{action}',
    en: 'The external evaluation is {stateEn}: cannot {actionEn}',
  },
  EXTEVAL_NOT_ASSIGNED: {
    kind: 'forbidden',
    zh: '该重点绩效评价未委托给您或您所在的第三方机构',
    en: 'This external evaluation is not assigned to you or your agency',
  },
  EXTEVAL_EVALUATOR_INVALID: {
    kind: 'invalid',
    zh: '评价人须为本地区的财政审核人员，或已登记的第三方机构：{problem}',
    en: 'The evaluator must be a finance reviewer of the region or a registered agency: {problemEn}',
  },
  EXTEVAL_TEMPLATE_INVALID: {
    kind: 'unprocessable',
    zh: '评价指标体系有 {count} 处问题：{first}',
    en: 'The indicator framework has {count} problems: {firstEn}',
  },
  EXTEVAL_SHEET_INCOMPLETE: {
    kind: 'unprocessable',
    zh: '评分表还有 {count} 项未完成：{first}',
    en: 'The score sheet has {count} unfinished rows: {firstEn}',
  },
  EXTEVAL_INDICATOR_UNKNOWN: {
    kind: 'invalid',
    zh: '评分表中没有第 {position} 项指标',
    en: 'The score sheet has no indicator number {position}',
  },
  EXTEVAL_FINDING_INVALID: {
    kind: 'invalid',
    zh: '第 {n} 条存在的问题须写明问题及对应的建议',
    en: 'Finding {n} needs both the problem and its recommendation',
  },
  EXTEVAL_REGION_REQUIRED: {
    kind: 'invalid',
    zh: '请指定地区（区划代码）',
    en: 'Name the region (its code)',
  },
  // (end of external evaluation (财政重点评价 / 部门评价))

  // ---- workflow (自评签批 clerk → head → bureau, target changes after the fact, safe month replacement) ----
  EVALUATION_NOT_AT_HEAD: {
    kind: 'state',
    zh: '自评当前不在部门负责人审核环节（尚未提交负责人，或已审核完毕），无需审核或退回',
    en: 'The self-evaluation is not waiting for the department head (not submitted to the head, or already signed off)',
  },
  EVALUATION_AWAITING_HEAD: {
    kind: 'state',
    zh: '{year} 年度自评已提交部门负责人审核，审核通过或退回前不能修改实际值',
    en: 'The {year} self-evaluation is with the department head; actuals cannot change until it is signed off or returned',
  },
  EVALUATION_HEAD_ONLY: {
    kind: 'forbidden',
    zh: '自评提交财政局前须由部门负责人审核，财政局暂不能扣分或审核',
    en: 'The department head signs the self-evaluation off before the finance bureau can act on it',
  },
  CHANGE_AFTER_YEAR_END: {
    kind: 'state',
    zh: '{year} 年度已结束，不能再申请调整绩效目标：先定目标、后报实际，年度结束后按原定目标自评',
    en: 'Fiscal year {year} has ended: targets can no longer be changed (targets come before the actuals)',
  },
  CHANGE_AFTER_SUBMISSION: {
    kind: 'state',
    zh: '{year} 年度自评已提交，不能再申请调整绩效目标：先定目标、后报实际，请按原定目标自评',
    en: 'The {year} self-evaluation has been submitted: targets can no longer be changed',
  },
  IMPORT_RESTORE_NOT_REPLACING: {
    kind: 'state',
    zh: '这次导入没有替换过已导入的月份，无可恢复的数据',
    en: 'This import did not replace any month: there is nothing to restore',
  },
  IMPORT_RESTORE_SUPERSEDED: {
    kind: 'state',
    zh: '这次导入的数据已被撤回或再次替换，不能再恢复被它替换的月份',
    en: 'This import has been withdrawn or replaced in turn: the months it replaced can no longer be restored',
  },
  IMPORT_PREVIEW_NOTHING_REPLACED: {
    kind: 'state',
    zh: '文件中的月份（{months}）尚未导入过，不会替换任何数据，可直接导入',
    en: 'The months of the file ({monthsEn}) hold no data yet: nothing would be replaced; import it directly',
  },
  // (end of workflow (自评签批 clerk → head → bureau, target changes after the fact, safe month replacement))

  // ---- closed codes for the last generic throws (uploads, change-request shapes, goal checks, enterprises) ----
  UPLOAD_FORM_INVALID: {
    kind: 'invalid',
    zh: '未能读取上传的内容：请重新选择文件上传',
    en: 'The upload could not be read (send the file as multipart/form-data field "file"): choose the file again',
  },
  UPLOAD_FILE_MISSING: {
    kind: 'invalid',
    zh: '请选择要导入的{what}',
    en: 'Choose the {whatEn} to import',
  },
  CHANGE_ITEMS_TWO_FORMS: {
    kind: 'invalid',
    zh: '一次申请请只用一种方式列出变更：多项一起，或单个指标的一项',
    en: 'Give the changes either as a list (items) or as one indicatorId/field/newValue, not both',
  },
  CHANGE_ITEM_INCOMPLETE: {
    kind: 'invalid',
    zh: '请指定要变更的指标、变更项和变更后的值',
    en: 'Give the indicator, the field and the new value (indicatorId, field, newValue) or a list of items',
  },
  CHANGE_BREAKS_GOAL_SET: {
    kind: 'unprocessable',
    zh: '变更后绩效目标不符合要求：{problems}',
    en: 'After the change the goal set is invalid: {problemsEn}',
  },
  GOAL_SET_CHECKS_FAILED: {
    kind: 'unprocessable',
    zh: '绩效目标未通过检查（{count} 个问题），不能送审：{problems}',
    en: 'The goal set fails {count} check(s) and cannot be submitted: {problemsEn}',
  },
  PIPELINE_STAGE_UNKNOWN: {
    kind: 'invalid',
    zh: '阶段「{stage}」不正确，应为 {options} 之一',
    en: 'Unknown stage {stage}: use one of {optionsEn}',
  },
  ENTERPRISE_FIELD_REQUIRED: {
    kind: 'invalid',
    zh: '请填写「{field}」',
    en: 'Fill in {fieldEn}',
  },
  ENTERPRISE_DATE_INVALID: {
    kind: 'invalid',
    zh: '「{field}」「{value}」不是有效日期（格式 YYYY-MM-DD）',
    en: '{fieldEn} {value} is not a valid date (YYYY-MM-DD)',
  },
  ENTERPRISE_DATE_IN_FUTURE: {
    kind: 'invalid',
    zh: '「{field}」{date} 晚于今天（{today}）',
    en: '{fieldEn} {date} is after today ({today})',
  },
  ENTERPRISE_DATE_BEFORE: {
    kind: 'invalid',
    zh: '「{field}」{date} 早于{other} {otherDate}',
    en: '{fieldEn} {date} is before the {otherEn} {otherDate}',
  },
  CREDIT_CODE_INVALID: {
    kind: 'invalid',
    zh: '统一社会信用代码「{code}」不正确（18 位，末位校验码须符合 GB 32100-2015）',
    en: 'Unified social credit code {code} is not valid (18 characters, check digit per GB 32100-2015)',
  },
  CREDIT_CODE_TAKEN: {
    kind: 'conflict',
    zh: '统一社会信用代码 {code} 已登记为「{enterprise}」',
    en: 'Credit code {code} is already registered to {enterprise}',
  },
  INDUSTRY_CODE_INVALID: {
    kind: 'invalid',
    zh: '行业代码「{code}」不正确：应为 GB/T 4754-2017 的 2–4 位数字代码',
    en: 'Industry code {code} is not valid: 2–4 digits of GB/T 4754-2017',
  },
  SUBDISTRICT_UNKNOWN: {
    kind: 'invalid',
    zh: '所在街道「{code}」不是本区的街道',
    en: '{code} is not a sub-district of this region',
  },
  ENTERPRISE_UNKNOWN: {
    kind: 'invalid',
    zh: '所选企业不存在，请先登记企业',
    en: 'The enterprise does not exist: register it first',
  },
  ENTERPRISE_PROJECT_UNKNOWN: {
    kind: 'invalid',
    zh: '关联的招商项目不存在',
    en: 'The linked investment project does not exist',
  },
  REQUEST_CATEGORY_UNKNOWN: {
    kind: 'invalid',
    zh: '诉求类别应为 {options} 之一',
    en: 'The request category must be one of {optionsEn}',
  },
  REQUEST_NOT_OPEN: {
    kind: 'state',
    zh: '该诉求已{status}，不能再次操作',
    en: 'The request is already {statusEn}',
  },
  SURVEY_BEFORE_CLOSE: {
    kind: 'state',
    zh: '诉求办结后才能进行满意度回访',
    en: 'Only a closed request can be surveyed',
  },
  SURVEY_EXISTS: {
    kind: 'conflict',
    zh: '该诉求已回访，不能重复回访',
    en: 'The request has already been surveyed',
  },
  SURVEY_ANSWER_MISSING: {
    kind: 'invalid',
    zh: '请填写评分（1–5 分）或是否满意',
    en: 'Give a score (1–5) or whether the enterprise is satisfied',
  },
  SURVEY_SCORE_INVALID: {
    kind: 'invalid',
    zh: '评分应为 1–5 的整数',
    en: 'The score must be a whole number from 1 to 5',
  },
  POLICY_PACKAGE_CODE_INVALID: {
    kind: 'invalid',
    zh: '政策包编号只能由字母、数字和 - _ . 组成，不超过 40 个字符',
    en: 'A policy package code has letters, digits and - _ . only, at most 40 characters',
  },
  POLICY_PACKAGE_CODE_TAKEN: {
    kind: 'conflict',
    zh: '政策包编号「{code}」已存在',
    en: 'Policy package {code} already exists',
  },
  POLICY_PACKAGE_UNKNOWN: {
    kind: 'invalid',
    zh: '所选政策包不存在',
    en: 'The policy package does not exist',
  },
  POLICY_BUDGET_PROJECT_UNKNOWN: {
    kind: 'invalid',
    zh: '预算项目「{code}」在 {year} 年度不存在',
    en: 'Budget project {code} does not exist in {year}',
  },
  GRANT_AMOUNT_INVALID: {
    kind: 'invalid',
    zh: '兑现金额（万元）「{value}」应为大于 0 的金额，最多 6 位小数',
    en: 'Amount (10k yuan) {value} must be above 0 with at most 6 decimals',
  },
  // (end of closed codes for the last generic throws (uploads, change-request shapes, goal checks, enterprises))

  // ---- district reports (全区自评报告打包) and heavy report/scoring work ----
  REPORT_RENDER_BUSY: {
    kind: 'unavailable',
    zh: '同时生成的报告较多，请稍后再试',
    en: 'Many reports are being generated at once; try again shortly',
  },
  REPORT_RENDER_FAILED: {
    kind: 'unavailable',
    zh: '报告在 {seconds} 秒内未能生成，已停止；请稍后重试，仍不行请联系管理员',
    en: 'The report could not be generated within {seconds} seconds and was stopped; try again later',
  },
  SCORING_BUSY: {
    kind: 'unavailable',
    zh: '服务器正忙于计算全区得分，请稍后再试',
    en: 'The server is busy scoring the region; try again shortly',
  },
  SCORING_TOO_HEAVY: {
    kind: 'unavailable',
    zh: '全区得分在 {seconds} 秒内未能算完，已停止；请稍后重试',
    en: 'Scoring the region did not finish within {seconds} seconds and was stopped; try again later',
  },
  DISTRICT_REPORTS_NONE: {
    kind: 'notFound',
    zh: '地区 {region} 在 {year} 年度没有部门，无报告可打包',
    en: 'Region {region} has no departments in {year}: there are no reports to package',
  },
  DISTRICT_JOB_NOT_FOUND: {
    kind: 'notFound',
    zh: '未找到该打包任务（可能已过期并被清理），请重新生成',
    en: 'That packaging job was not found (it may have expired); start it again',
  },
  DISTRICT_JOB_NOT_READY: {
    kind: 'state',
    zh: '报告还在打包中（已完成 {done}/{total}），请稍候再下载',
    en: 'The reports are still being packaged ({done}/{total} done); download when it is finished',
  },
  DISTRICT_JOB_FAILED: {
    kind: 'unavailable',
    zh: '报告打包失败：{problem}',
    en: 'Packaging the reports failed: {problemEn}',
  },
  // (end of district reports (全区自评报告打包) and heavy report/scoring work)
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** Values for a message's `{name}` placeholders. */
export type ErrorParams = Readonly<Record<string, string | number>>;

export function isErrorCode(code: string): code is ErrorCode {
  return Object.prototype.hasOwnProperty.call(ERRORS, code);
}

function fill(template: string, params: ErrorParams): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** The message of a code in one language, its placeholders filled from params. */
export function errorMessage(
  code: ErrorCode,
  params: ErrorParams = {},
  lang: 'zh' | 'en' = 'zh',
): string {
  return fill(ERRORS[code][lang], params);
}

export const ERROR_KIND_STATUS: Record<ErrorKind, number> = {
  invalid: 400,
  unprocessable: 422,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  state: 409,
  locked: 423,
  tooLarge: 413,
  unsupportedMedia: 415,
  rateLimited: 429,
  unavailable: 503,
  internal: 500,
};

/** True when the user's input caused the error (the CLI exits 2), false for the system's (exit 1). */
export function isInputError(code: ErrorCode): boolean {
  const kind: ErrorKind = ERRORS[code].kind;
  return kind !== 'unavailable' && kind !== 'internal';
}
