// Column mappings a user chose for a file whose headers the import could not match: remembered per department
// and file kind (ledger, budgets, progress, goals) and applied before the built-in aliases on later imports.
import { jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { departments } from './organizations.ts';

export const importColumnMappings = pgTable(
  'import_column_mappings',
  {
    departmentCode: text('department_code')
      .notNull()
      .references(() => departments.code),
    kind: text('kind').$type<'ledger' | 'budgets' | 'progress' | 'goals'>().notNull(),
    /** Field → the file's header text. */
    mapping: jsonb('mapping').$type<Record<string, string>>().notNull(),
    updatedBy: text('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.departmentCode, t.kind] })],
);
