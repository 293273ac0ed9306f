// Requests and responses of the column-mapping routes (zod, Chinese messages).
import { z } from '@hono/zod-openapi';
import { DepartmentCodeParam } from '../departments/departments.schema.ts';
import { MAPPING_KINDS } from './column-mapping.service.ts';

export const MappingParams = DepartmentCodeParam.extend({
  kind: z
    .enum(MAPPING_KINDS, {
      message:
        '文件类型应为 ledger（支出台账）/ budgets（项目预算）/ progress（指标完成进度）/ goals（绩效目标）',
    })
    .openapi({ param: { name: 'kind', in: 'path' }, example: 'ledger' }),
});

export const ColumnMappingBody = z
  .object({
    mapping: z
      .record(z.string().max(64, '字段名过长'), z.string().max(200, '表头文字不能超过 200 字'))
      .refine((m) => Object.keys(m).length <= 40, '对应关系过多'),
  })
  .openapi('ColumnMappingInput');

export const ColumnMappingSchema = z
  .object({
    departmentCode: z.string(),
    kind: z.enum(MAPPING_KINDS),
    mapping: z.record(z.string(), z.string()),
    fields: z.array(
      z.object({ field: z.string(), header: z.string(), aliases: z.array(z.string()) }),
    ),
  })
  .openapi('ColumnMapping');
