// Request and response schemas of the organisation routes (regions, 单位名录 import, 单位管理, accounts import).
import { z } from '@hono/zod-openapi';

const agencyCode = z
  .string({ message: '单位代码应为文本' })
  .trim()
  .regex(/^[A-Za-z0-9.-]{1,32}$/, '单位代码只能包含字母、数字、- 和 .（不超过 32 位）');

export const RegionParam = z.object({
  code: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字，如 440111')
    .openapi({ param: { name: 'code', in: 'path' }, example: '440111' }),
});

export const AgencyParam = z.object({
  code: agencyCode.openapi({ param: { name: 'code', in: 'path' }, example: '440111-SWJ' }),
});

export const OrganisationQuery = z.object({
  region: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字')
    .optional()
    .openapi({ param: { name: 'region', in: 'query' }, example: '440111' }),
});

export const AgencyImportQuery = z.object({
  dryRun: z
    .enum(['true', 'false', '1', '0'], { message: 'dryRun 应为 true 或 false' })
    .optional()
    .openapi({ param: { name: 'dryRun', in: 'query' }, description: '只校验并预览，不写入' }),
  year: z.coerce
    .number({ message: '年度必须是数字' })
    .int('年度必须是整数')
    .min(2000, '年度不早于 2000')
    .max(2100, '年度不晚于 2100')
    .optional()
    .openapi({ param: { name: 'year', in: 'query' }, description: '编制/实有人数所属年度' }),
});

export const CreateRegionBody = z
  .object({
    code: z.string({ message: '行政区划代码应为文本' }).trim().openapi({ example: '440111' }),
    name: z
      .string({ message: '名称应为文本' })
      .trim()
      .min(1, '名称不能为空')
      .max(50, '名称不超过 50 字')
      .openapi({ example: '广州市白云区' }),
    financeCode: agencyCode.optional().openapi({ description: '默认 <区划代码>-CZJ' }),
    financeName: z
      .string({ message: '财政局名称应为文本' })
      .trim()
      .max(60, '财政局名称不超过 60 字')
      .optional()
      .openapi({ description: '默认 <名称>财政局' }),
  })
  .strict();

export const AddAgencyBody = z
  .object({
    code: agencyCode,
    name: z
      .string({ message: '名称应为文本' })
      .trim()
      .min(1, '名称不能为空')
      .max(100, '名称不超过 100 字'),
    parentCode: agencyCode
      .nullable()
      .optional()
      .openapi({ description: '所属单位的主管部门代码；部门不填' }),
    agencyType: z.string().trim().max(20, '单位类型不超过 20 字').nullable().optional(),
  })
  .strict();

export const UpdateAgencyBody = z
  .object({
    name: z
      .string({ message: '名称应为文本' })
      .trim()
      .min(1, '名称不能为空')
      .max(100, '名称不超过 100 字')
      .optional(),
    shortName: z.string().trim().min(1, '简称不能为空').max(50, '简称不超过 50 字').optional(),
    agencyType: z.string().trim().max(20, '单位类型不超过 20 字').nullable().optional(),
    active: z.boolean({ message: '是否启用应为 true 或 false' }).optional(),
  })
  .strict();

const FinanceBureauSchema = z.object({ code: z.string(), name: z.string() });

export const RegionSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    level: z.enum(['province', 'city', 'district']),
    financeBureau: FinanceBureauSchema.extend({ shortName: z.string() }).nullable(),
  })
  .openapi('Region');

export const CreateRegionResultSchema = RegionSchema.extend({ created: z.boolean() }).openapi(
  'CreateRegionResult',
);

export const SetupStatusSchema = z
  .object({ needsSetup: z.boolean(), regions: z.array(RegionSchema), departments: z.number() })
  .openapi('SetupStatus');

const StaffingSchema = z
  .object({ authorizedStaff: z.number(), activeStaff: z.number(), retiredStaff: z.number() })
  .nullable();

const UnitSchema = z.object({
  code: z.string(),
  name: z.string(),
  shortName: z.string(),
  agencyType: z.string().nullable(),
  active: z.boolean(),
  staffing: StaffingSchema,
});

export const RegionOrganisationSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    financeBureau: FinanceBureauSchema.nullable(),
    staffingYear: z.number().nullable(),
    departments: z.array(
      UnitSchema.extend({
        functions: z.array(z.string()),
        offices: z.array(z.string()),
        units: z.array(UnitSchema),
      }),
    ),
  })
  .openapi('RegionOrganisation');

export const AgencySchema = z
  .object({
    code: z.string(),
    regionCode: z.string(),
    name: z.string(),
    shortName: z.string(),
    kind: z.enum(['department', 'financeBureau', 'unit']),
    parentCode: z.string().nullable(),
    agencyType: z.string().nullable(),
    active: z.boolean(),
  })
  .openapi('Agency');

export const ImportAgenciesResultSchema = z
  .object({
    regionCode: z.string(),
    fileName: z.string(),
    format: z.string(),
    encoding: z.string().nullable(),
    dryRun: z.boolean(),
    staffingYear: z.number(),
    items: z.array(
      z.object({
        row: z.number(),
        code: z.string(),
        name: z.string(),
        kind: z.enum(['department', 'unit']),
        parentCode: z.string().nullable(),
        action: z.enum(['create', 'update', 'unchanged']),
        offices: z.array(z.string()),
        staffing: StaffingSchema,
      }),
    ),
    counts: z.object({
      departmentsCreated: z.number(),
      unitsCreated: z.number(),
      updated: z.number(),
      unchanged: z.number(),
      officesAdded: z.number(),
      staffingWritten: z.number(),
    }),
  })
  .openapi('ImportAgenciesResult');

export const ImportUsersResultSchema = z
  .object({
    fileName: z.string(),
    dryRun: z.boolean(),
    accounts: z.array(
      z.object({
        row: z.number(),
        username: z.string(),
        displayName: z.string(),
        role: z.string(),
        roleText: z.string(),
        departmentCode: z.string().nullable(),
        regionCode: z.string(),
        password: z
          .string()
          .nullable()
          .openapi({ description: '生成的初始密码，只返回这一次（预览时为 null）' }),
      }),
    ),
  })
  .openapi('ImportUsersResult');

export const UploadBody = {
  content: {
    'multipart/form-data': {
      schema: z.object({
        file: z
          .any()
          .openapi({ type: 'string', format: 'binary', description: '.xlsx 或 .csv 文件' }),
      }),
    },
  },
  required: true as const,
};
