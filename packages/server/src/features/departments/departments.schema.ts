// Request/response schemas for departments (zod → validation, types and OpenAPI in one place).
import { z } from '@hono/zod-openapi';

export const DepartmentCodeParam = z.object({
  code: z
    .string()
    .regex(/^[A-Za-z0-9.-]{1,32}$/, '部门编码只能包含字母、数字、- 和 .（不超过 32 位）')
    .openapi({ param: { name: 'code', in: 'path' }, example: '440111-SWJ' }),
});

export const YearQuery = z.object({
  year: z.coerce
    .number({ message: '年度必须是数字' })
    .int('年度必须是整数')
    .min(2000, '年度不早于 2000')
    .max(2100, '年度不晚于 2100')
    .openapi({ param: { name: 'year', in: 'query' }, example: 2023 }),
});

export const DepartmentSummarySchema = z
  .object({
    code: z.string(),
    name: z.string(),
    shortName: z.string(),
    regionCode: z.string(),
    years: z.array(z.number()),
  })
  .openapi('DepartmentSummary');

export const DepartmentProfileSchema = z
  .object({
    code: z.string(),
    name: z.string(),
    shortName: z.string(),
    regionCode: z.string(),
    regionName: z.string().nullable(),
    functions: z.array(z.string()),
    units: z.array(z.object({ name: z.string(), kind: z.string() })),
    staffing: z
      .object({
        authorizedStaff: z.number(),
        activeStaff: z.number(),
        retiredStaff: z.number(),
        illustrative: z.boolean(),
      })
      .nullable(),
    illustrative: z.boolean(),
    scoringPreset: z.string().nullable(),
    basisNotice: z.string().nullable(),
  })
  .openapi('DepartmentProfile');
