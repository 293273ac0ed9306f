// Request/response schemas for creating and editing projects (Chinese messages for every field).
import { EXPENDITURE_TYPES, FUND_SOURCES } from '@jixiao/core';
import { z } from '@hono/zod-openapi';
import { DepartmentCodeParam } from '../departments/departments.schema.ts';

const ID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const ProjectIdParam = DepartmentCodeParam.extend({
  id: z
    .string()
    .regex(ID_RE, '项目编号格式不正确（应为 UUID）')
    .openapi({
      param: { name: 'id', in: 'path' },
      example: '5f0c7c3e-2d7e-4f5b-9a53-3c1d2b4a6e71',
    }),
});

const ProjectCode = z
  .string({ message: '请填写项目编码' })
  .trim()
  .min(1, '项目编码不能为空')
  .max(64, '项目编码不超过 64 个字符')
  .regex(
    /^[A-Za-z0-9][A-Za-z0-9._-]*$/,
    '项目编码只能包含字母、数字、点、下划线和短横线，且以字母或数字开头，如 TZCJ-XM-003',
  )
  .openapi({ example: 'TZCJ-XM-003' });

const ProjectName = z
  .string({ message: '请填写项目名称' })
  .trim()
  .min(1, '项目名称不能为空')
  .max(200, '项目名称不超过 200 个字符')
  .openapi({ example: '重点产业招商专项经费' });

const Level = z
  .union([z.literal(1), z.literal(2)], { message: '项目级次应为 1（一级项目）或 2（二级项目）' })
  .openapi({ example: 1, description: '1 = 一级项目，2 = 二级项目（须指定 parentId）' });

const ParentId = z
  .string({ message: '上级项目编号应为文本' })
  .regex(ID_RE, '上级项目编号格式不正确')
  .nullable()
  .openapi({ description: '二级项目所属的一级项目编号；一级项目为 null' });

const FundSource = z.enum(FUND_SOURCES, {
  message:
    '资金来源应为 general（一般公共预算）/ governmentFund（政府性基金预算）/ stateCapital（国有资本经营预算）/ fiscalSpecial（财政专户管理资金）/ other（其他资金）',
});

const ExpenditureType = z.enum(EXPENDITURE_TYPES, {
  message: '支出类型应为 basic（基本支出）或 project（项目支出）',
});

export const YearBody = z.object({
  year: z
    .number({ message: '年度必须是数字' })
    .int('年度必须是整数')
    .min(2000, '年度不早于 2000')
    .max(2100, '年度不晚于 2100')
    .openapi({ example: 2024 }),
});

export const CreateProjectBody = z
  .object({
    year: YearBody.shape.year,
    code: ProjectCode,
    name: ProjectName,
    level: Level.default(1),
    parentId: ParentId.optional(),
    fundSource: FundSource.default('general'),
    expenditureType: ExpenditureType.default('project'),
  })
  .strict()
  .openapi('CreateProject');

export const UpdateProjectBody = z
  .object({
    code: ProjectCode.optional(),
    name: ProjectName.optional(),
    level: Level.optional(),
    parentId: ParentId.optional(),
    fundSource: FundSource.optional(),
    expenditureType: ExpenditureType.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).length > 0, {
    message: '请至少修改一项（编码、名称、级次、上级项目、资金来源或支出类型）',
  })
  .openapi('UpdateProject');

export const ProjectViewSchema = z
  .object({
    id: z.string(),
    departmentCode: z.string(),
    fiscalYear: z.number(),
    code: z.string(),
    name: z.string(),
    level: z.number(),
    parentId: z.string().nullable(),
    parentCode: z.string().nullable(),
    fundSource: z.string(),
    fundSourceName: z.string(),
    expenditureType: z.string(),
    expenditureTypeName: z.string(),
  })
  .openapi('Project');
