// Request/response schemas of a region's fiscal years (Chinese messages for every field).
import { z } from '@hono/zod-openapi';

export const RegionCodeParam = z.object({
  code: z
    .string()
    .regex(/^\d{6}$/, '行政区划代码应为 6 位数字，如 440105')
    .openapi({ param: { name: 'code', in: 'path' }, example: '440105' }),
});

export const OpenFiscalYearBody = z
  .object({
    year: z
      .number({ message: '年度必须是数字' })
      .int('年度必须是整数')
      .min(2000, '年度不早于 2000')
      .max(2100, '年度不晚于 2100')
      .openapi({ example: 2024 }),
    scoringPreset: z
      .string({ message: '计分规则应为文本' })
      .trim()
      .min(1, '计分规则不能为空')
      .max(64, '计分规则名称过长')
      .optional()
      .openapi({ example: 'mof-2020', description: '计分规则（默认 mof-2020）' }),
    financeApprovalRequired: z
      .boolean({ message: '是否需财政审核应为 true 或 false' })
      .optional()
      .openapi({ description: '绩效目标在部门审核后是否还需财政局审核（默认是）' }),
    evaluationHeadReviewRequired: z
      .boolean({ message: '是否需部门负责人审核自评应为 true 或 false' })
      .optional()
      .openapi({ description: '绩效自评报送财政局前是否须部门负责人审核（默认是）' }),
    basisNotice: z
      .string({ message: '自评工作通知应为文本' })
      .max(500, '自评工作通知不超过 500 个字符')
      .nullable()
      .optional(),
  })
  .strict()
  .openapi('OpenFiscalYear');

export const FiscalYearSchema = z
  .object({
    year: z.number(),
    scoringPreset: z.string(),
    scoringPresetTitle: z.string(),
    financeApprovalRequired: z.boolean(),
    evaluationHeadReviewRequired: z.boolean(),
    basisNotice: z.string().nullable(),
    openedAt: z.string(),
  })
  .openapi('FiscalYear');

export const FiscalYearListingSchema = z
  .object({
    regionCode: z.string(),
    regionName: z.string(),
    years: z.array(FiscalYearSchema),
    nextYear: z.number().openapi({
      description: '建议开启的年度：已开启的最晚年度 + 1，且不早于下一自然年度（不超过 maxYear）',
    }),
    maxYear: z.number().openapi({ description: '现在最晚可开启的年度（下一自然年）' }),
    presets: z.array(z.object({ name: z.string(), title: z.string(), titleEn: z.string() })),
  })
  .openapi('FiscalYearListing');
