// The OpenAPI document's header, shared by the served /api/openapi.json and `npm run openapi`.
export const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'Jixiao 绩效 API',
    version: '1.0.0',
    description:
      '全过程预算绩效管理 API：部门、项目、预算执行、绩效目标与指标、自评、报告。金额以元为单位的两位小数字符串。',
  },
} as const;
