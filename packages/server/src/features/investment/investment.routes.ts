// The investment pipeline over HTTP: units, list/board, create/edit, move a stage, history, Excel
// template/export/import — all under /api/departments/{code}/investment-*.
import { createRoute, z } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import {
  PIPELINE_STAGES,
  STAGE_LABEL,
  isPipelineStage,
  type PipelineStage,
} from '@jixiao/core/investment/index';
import type { App, AppDeps } from '../../http/app-env.ts';
import { errorBody } from '../../http/error-response.ts';
import { ServiceError } from '../../http/service-error.ts';
import {
  createInvestmentProject,
  exportInvestmentProjects,
  getInvestmentProject,
  getInvestmentProjectHistory,
  importInvestmentProjects,
  investmentBoard,
  investmentImportTemplate,
  listInvestmentProjects,
  listInvestmentUnits,
  MAX_IMPORT_BYTES,
  moveInvestmentProjectStage,
  updateInvestmentProject,
} from './investment.service.ts';
import type { ProjectFilters } from './investment.repository.ts';
import { DepartmentCodeParam } from '../departments/departments.schema.ts';
import {
  BoardSchema,
  CreateProjectBody,
  HistorySchema,
  ImportResultSchema,
  ListQuery,
  MoveStageBody,
  ProjectFilterQuery,
  ProjectIdParams,
  ProjectPageSchema,
  ProjectSchema,
  UnitsSchema,
  UpdateProjectBody,
} from './investment.schema.ts';
import { errorResponse } from '../../http/error-schema.ts';

const readErrors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权访问'),
  404: errorResponse('不存在'),
};
const writeErrors = { ...readErrors, 409: errorResponse('编号重复或状态不允许') };
const tags = ['招商项目库 Investment pipeline'];
const base = '/api/departments/{code}/investment-projects';
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});
const xlsx = {
  description: 'Excel 文件（.xlsx）',
  content: {
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
      schema: z.string().openapi({ format: 'binary' }),
    },
  },
};

const unitsRoute = createRoute({
  method: 'get',
  path: '/api/departments/{code}/investment-units',
  tags,
  summary: '招商责任单位（区直部门与 18 个街道）',
  request: { params: DepartmentCodeParam },
  responses: { 200: json(UnitsSchema, '责任单位'), ...readErrors },
});
const listRoute = createRoute({
  method: 'get',
  path: base,
  tags,
  summary: '招商项目列表（筛选、分页）',
  request: { params: DepartmentCodeParam, query: ListQuery },
  responses: { 200: json(ProjectPageSchema, '一页项目'), ...readErrors },
});
const boardRoute = createRoute({
  method: 'get',
  path: `${base}/board`,
  tags,
  summary: '项目看板：按阶段分列，含各列项目数与计划投资额',
  request: { params: DepartmentCodeParam, query: ProjectFilterQuery },
  responses: { 200: json(BoardSchema, '看板'), ...readErrors },
});
const exportRoute = createRoute({
  method: 'get',
  path: `${base}/export`,
  tags,
  summary: '导出项目库为 Excel（与导入模板同列，可改后再导入）',
  request: { params: DepartmentCodeParam, query: ProjectFilterQuery },
  responses: { 200: xlsx, ...readErrors },
});
const templateRoute = createRoute({
  method: 'get',
  path: `${base}/template`,
  tags,
  summary: '下载导入模板（含填写说明）',
  request: { params: DepartmentCodeParam },
  responses: { 200: xlsx, ...readErrors },
});
const importRoute = createRoute({
  method: 'post',
  path: `${base}/import`,
  tags,
  summary: '从 Excel 导入项目：整表校验，任何一行有误则全部不导入，并逐行列出错误',
  request: {
    params: DepartmentCodeParam,
    body: {
      content: {
        'multipart/form-data': {
          schema: z.object({
            file: z.any().openapi({ type: 'string', format: 'binary', description: '.xlsx 文件' }),
          }),
        },
      },
      required: true,
    },
  },
  responses: {
    200: json(ImportResultSchema, '导入结果'),
    ...writeErrors,
    413: errorResponse('文件过大'),
    422: errorResponse('数据有误，未导入（details.errors 为逐行错误）'),
  },
});
const createRouteDef = createRoute({
  method: 'post',
  path: base,
  tags,
  summary: '新增招商项目',
  request: {
    params: DepartmentCodeParam,
    body: { content: { 'application/json': { schema: CreateProjectBody } }, required: true },
  },
  responses: { 201: json(ProjectSchema, '已新增'), ...writeErrors },
});
const getRoute = createRoute({
  method: 'get',
  path: `${base}/{id}`,
  tags,
  summary: '招商项目详情',
  request: { params: ProjectIdParams },
  responses: { 200: json(ProjectSchema, '项目'), ...readErrors },
});
const patchRoute = createRoute({
  method: 'patch',
  path: `${base}/{id}`,
  tags,
  summary: '修改项目信息（阶段请用推进阶段接口）',
  request: {
    params: ProjectIdParams,
    body: { content: { 'application/json': { schema: UpdateProjectBody } }, required: true },
  },
  responses: { 200: json(ProjectSchema, '已修改'), ...writeErrors },
});
const stageRoute = createRoute({
  method: 'post',
  path: `${base}/{id}/stage`,
  tags,
  summary: '推进阶段（向后推进须填达到日期；退回属更正，须填原因）',
  request: {
    params: ProjectIdParams,
    body: { content: { 'application/json': { schema: MoveStageBody } }, required: true },
  },
  responses: { 200: json(ProjectSchema, '已推进'), ...writeErrors },
});
const historyRoute = createRoute({
  method: 'get',
  path: `${base}/{id}/history`,
  tags,
  summary: '阶段变更记录（谁、何时、达到日期）',
  request: { params: ProjectIdParams },
  responses: { 200: json(HistorySchema, '变更记录'), ...readErrors },
});

/** Query strings → repository filters (the comma-separated stage list checked here). */
export function toFilters(q: z.infer<typeof ProjectFilterQuery>): ProjectFilters {
  let stages: PipelineStage[] | undefined;
  if (q.stage) {
    const parts = q.stage
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
    const bad = parts.find((s) => !isPipelineStage(s));
    if (bad !== undefined) {
      const params = {
        stage: bad,
        options: PIPELINE_STAGES.map((s) => `${s}（${STAGE_LABEL[s].zh}）`).join(' / '),
        optionsEn: PIPELINE_STAGES.join(' / '),
      };
      throw new ServiceError('PIPELINE_STAGE_UNKNOWN', params, {
        fields: [{ field: 'stage', message: '阶段不正确', messageEn: 'invalid stage' }],
      });
    }
    stages = parts as PipelineStage[];
  }
  return {
    ...(q.year !== undefined ? { year: q.year } : {}),
    ...(stages ? { stages } : {}),
    ...(q.key !== undefined ? { isKeyProject: q.key === 'true' } : {}),
    ...(q.unit ? { unitCode: q.unit } : {}),
    ...(q.source ? { source: q.source } : {}),
    ...(q.q ? { q: q.q.trim() } : {}),
    ...(q.reachedStage ? { reachedStage: q.reachedStage } : {}),
    ...(q.reachedFrom ? { reachedFrom: q.reachedFrom } : {}),
    ...(q.reachedTo ? { reachedTo: q.reachedTo } : {}),
  };
}

function xlsxResponse(r: { fileName: string; body: Buffer }): Response {
  return new Response(new Uint8Array(r.body), {
    status: 200,
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(r.fileName)}`,
      'cache-control': 'no-store',
    },
  });
}

export function registerInvestmentRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(unitsRoute, async (c) =>
    c.json(await listInvestmentUnits(db, c.var.actor, c.req.valid('param').code), 200),
  );
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    const page = await listInvestmentProjects(db, c.var.actor, c.req.valid('param').code, {
      ...toFilters(q),
      page: q.page,
      pageSize: q.pageSize,
      sort: q.sort,
    });
    return c.json(page, 200);
  });
  app.openapi(boardRoute, async (c) =>
    c.json(
      await investmentBoard(
        db,
        c.var.actor,
        c.req.valid('param').code,
        toFilters(c.req.valid('query')),
      ),
      200,
    ),
  );
  app.openapi(exportRoute, async (c) =>
    xlsxResponse(
      await exportInvestmentProjects(
        db,
        c.var.actor,
        c.req.valid('param').code,
        toFilters(c.req.valid('query')),
        deps.now(),
      ),
    ),
  );
  app.openapi(templateRoute, async (c) =>
    xlsxResponse(
      await investmentImportTemplate(db, c.var.actor, c.req.valid('param').code, deps.now()),
    ),
  );
  app.use(
    '/api/departments/:code/investment-projects/import',
    bodyLimit({
      maxSize: MAX_IMPORT_BYTES + 64 * 1024,
      onError: (c) =>
        c.json(
          errorBody('FILE_TOO_LARGE', {
            limit: '10 MB',
            advice: '请分批导入',
            adviceEn: 'import it in parts',
          }),
          413,
        ),
    }),
  );
  app.openapi(importRoute, async (c) => {
    const form = await c.req.parseBody().catch(() => {
      throw new ServiceError('UPLOAD_FORM_INVALID');
    });
    const file = form['file'];
    if (!(file instanceof File)) {
      throw new ServiceError('UPLOAD_FILE_MISSING', {
        what: 'Excel 文件（.xlsx）',
        whatEn: 'Excel workbook (.xlsx)',
      });
    }
    const r = await importInvestmentProjects(
      db,
      c.var.actor,
      c.req.valid('param').code,
      file.name,
      new Uint8Array(await file.arrayBuffer()),
      deps.now(),
    );
    return c.json(r, 200);
  });
  app.openapi(createRouteDef, async (c) =>
    c.json(
      await createInvestmentProject(
        db,
        c.var.actor,
        c.req.valid('param').code,
        c.req.valid('json'),
        deps.now(),
      ),
      201,
    ),
  );
  app.openapi(getRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(await getInvestmentProject(db, c.var.actor, code, id), 200);
  });
  app.openapi(patchRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(
      await updateInvestmentProject(db, c.var.actor, code, id, c.req.valid('json'), deps.now()),
      200,
    );
  });
  app.openapi(stageRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(
      await moveInvestmentProjectStage(db, c.var.actor, code, id, c.req.valid('json'), deps.now()),
      200,
    );
  });
  app.openapi(historyRoute, async (c) => {
    const { code, id } = c.req.valid('param');
    return c.json(await getInvestmentProjectHistory(db, c.var.actor, code, id), 200);
  });
}
