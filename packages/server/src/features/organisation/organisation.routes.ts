// Organisation over HTTP: the 初始化向导 (setup status, region create, 单位名录 upload with a preview), 单位管理
// (list, add, rename, deactivate) and the system administrator's accounts upload.
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { App, AppDeps, AppEnv } from '../../http/app-env.ts';
import { ServiceError } from '../../http/service-error.ts';
import { errorResponse } from '../../http/error-schema.ts';
import { jsonBody } from '../../http/route-parts.ts';
import { bufferSource, type ImportSource } from '../../import/import-source.ts';
import { importUsers } from '../accounts/accounts-import.ts';
import { importAgencies } from './agencies-import.service.ts';
import { listOrganisation } from './organisation-listing.ts';
import { addAgency, createRegion, setupStatus, updateAgency } from './organisation.service.ts';
import type { AgencyRow } from './organisation.repository.ts';
import {
  AddAgencyBody,
  AgencyImportQuery,
  AgencyParam,
  AgencySchema,
  CreateRegionBody,
  CreateRegionResultSchema,
  ImportAgenciesResultSchema,
  ImportUsersResultSchema,
  OrganisationQuery,
  RegionOrganisationSchema,
  RegionParam,
  SetupStatusSchema,
  UpdateAgencyBody,
  UploadBody,
} from './organisation.schema.ts';

const tags = ['单位与初始化 Organisation'];
const ok = <T extends z.ZodType>(description: string, schema: T) => ({
  description,
  content: { 'application/json': { schema } },
});
const errors = {
  400: errorResponse('输入有误'),
  401: errorResponse('未登录'),
  403: errorResponse('无权操作'),
};
const fileErrors = {
  ...errors,
  404: errorResponse('地区不存在'),
  422: errorResponse('文件有错误：整批拒绝，details.errors 列出每一处错误'),
};

const setupRoute = createRoute({
  method: 'get',
  path: '/api/organisation/setup',
  tags,
  summary: '是否为空安装（初始化向导从这里开始）',
  responses: { 200: ok('初始化状态', SetupStatusSchema), ...errors },
});
const listRoute = createRoute({
  method: 'get',
  path: '/api/organisation',
  tags,
  summary: '单位管理：各地区的部门、所属单位、内设机构和人员编制',
  request: { query: OrganisationQuery },
  responses: { 200: ok('地区与单位', z.array(RegionOrganisationSchema)), ...errors },
});
const createRegionRoute = createRoute({
  method: 'post',
  path: '/api/regions',
  tags,
  summary: '新建行政区划及其财政局（相同的值再次提交不做改动）— 系统管理员',
  request: { body: jsonBody(CreateRegionBody) },
  responses: {
    200: ok('已存在且相同，未做改动', CreateRegionResultSchema),
    201: ok('已新建', CreateRegionResultSchema),
    ...errors,
    409: errorResponse('行政区划已存在但名称不同，或财政局代码已被使用'),
  },
});
const importAgenciesRoute = createRoute({
  method: 'post',
  path: '/api/regions/{code}/agencies/import',
  tags,
  summary: '导入预算单位名录（.xlsx 或 .csv）：dryRun=true 只预览；按单位代码新增或更新，从不删除',
  request: { params: RegionParam, query: AgencyImportQuery, body: UploadBody },
  responses: { 200: ok('导入结果（或预览）', ImportAgenciesResultSchema), ...fileErrors },
});
const addAgencyRoute = createRoute({
  method: 'post',
  path: '/api/regions/{code}/agencies',
  tags,
  summary: '新增部门或所属单位 — 财政局、系统管理员',
  request: { params: RegionParam, body: jsonBody(AddAgencyBody) },
  responses: {
    201: ok('已新增', AgencySchema),
    ...errors,
    404: errorResponse('地区不存在'),
    409: errorResponse('单位代码已被使用'),
  },
});
const updateAgencyRoute = createRoute({
  method: 'patch',
  path: '/api/agencies/{code}',
  tags,
  summary: '改名、停用或重新启用部门／所属单位（从不删除）— 财政局、系统管理员',
  request: { params: AgencyParam, body: jsonBody(UpdateAgencyBody) },
  responses: { 200: ok('已更新', AgencySchema), ...errors, 404: errorResponse('单位不存在') },
});
const importUsersRoute = createRoute({
  method: 'post',
  path: '/api/users/import',
  tags,
  summary:
    '批量导入账户（用户名、姓名、单位代码、角色）：生成的初始密码只返回这一次，首次登录须修改',
  request: { query: AgencyImportQuery.pick({ dryRun: true }), body: UploadBody },
  responses: { 200: ok('已建账户（或预览）', ImportUsersResultSchema), ...fileErrors },
});

/** The uploaded file of a multipart request (field "file"). */
async function uploaded(c: Context<AppEnv>): Promise<ImportSource> {
  const form = await c.req.parseBody().catch(() => {
    throw new ServiceError('REQUEST_INVALID', {
      problem: '请以 multipart/form-data 上传文件（字段名 file）',
      problemEn: 'upload the file as multipart/form-data field "file"',
    });
  });
  const file = form['file'];
  if (!(file instanceof File)) {
    throw new ServiceError('REQUEST_INVALID', {
      problem: '请选择要导入的文件',
      problemEn: 'choose a file to import',
    });
  }
  return bufferSource(file.name, new Uint8Array(await file.arrayBuffer()));
}

const agencyView = (a: AgencyRow) => ({
  code: a.code,
  regionCode: a.regionCode,
  name: a.name,
  shortName: a.shortName,
  kind: a.kind,
  parentCode: a.parentCode,
  agencyType: a.agencyType,
  active: a.active,
});
const isTrue = (v: string | undefined) => v === 'true' || v === '1';

export function registerOrganisationRoutes(app: App, deps: AppDeps): void {
  const db = deps.database.db;
  app.openapi(setupRoute, async (c) => c.json(await setupStatus(db, c.var.actor), 200));
  app.openapi(listRoute, async (c) =>
    c.json(await listOrganisation(db, c.var.actor, c.req.valid('query').region), 200),
  );
  app.openapi(createRegionRoute, async (c) => {
    const r = await createRegion(db, c.var.actor, c.req.valid('json'));
    return r.created ? c.json(r, 201) : c.json(r, 200);
  });
  app.openapi(importAgenciesRoute, async (c) => {
    const { dryRun, year } = c.req.valid('query');
    const source = await uploaded(c);
    const r = await importAgencies(
      db,
      c.var.actor,
      { regionCode: c.req.valid('param').code, source, year, dryRun: isTrue(dryRun) },
      deps.now(),
    );
    return c.json(r, 200);
  });
  app.openapi(addAgencyRoute, async (c) => {
    const a = await addAgency(db, c.var.actor, c.req.valid('param').code, c.req.valid('json'));
    return c.json(agencyView(a), 201);
  });
  app.openapi(updateAgencyRoute, async (c) => {
    const a = await updateAgency(db, c.var.actor, c.req.valid('param').code, c.req.valid('json'));
    return c.json(agencyView(a), 200);
  });
  app.openapi(importUsersRoute, async (c) => {
    const source = await uploaded(c);
    const dryRun = isTrue(c.req.valid('query').dryRun);
    return c.json(await importUsers(db, c.var.actor, { source, dryRun }, deps.now()), 200);
  });
}
