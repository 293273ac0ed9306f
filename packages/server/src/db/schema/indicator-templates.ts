// The indicator library (指标库): reusable level-3 indicators by field (领域), with unit, operator and source.
import { boolean, index, pgTable, text, unique } from 'drizzle-orm/pg-core';
import { createdAt, idColumn } from './common.ts';
import type { Level1, Level2, Operator } from './goals.ts';

export const indicatorTemplates = pgTable(
  'indicator_templates',
  {
    id: idColumn(),
    /** 领域, e.g. 投资促进, 通用. */
    field: text('field').notNull(),
    level1: text('level1').$type<Level1>().notNull(),
    level2: text('level2').$type<Level2>().notNull(),
    name: text('name').notNull(),
    unit: text('unit').notNull().default(''),
    operator: text('operator').$type<Operator>().notNull(),
    /** Typical data source (典型数据来源). */
    dataSource: text('data_source'),
    description: text('description'),
    /** Shipped with the system (true) or added by a finance bureau (false). */
    builtin: boolean('builtin').notNull().default(false),
    /** Region that added it; null for the shipped library. */
    regionCode: text('region_code'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    unique('indicator_templates_field_name').on(t.field, t.name),
    index('indicator_templates_level').on(t.level1, t.level2),
  ],
);
