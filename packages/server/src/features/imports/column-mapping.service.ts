// A department's remembered column mapping per file kind: which of the file's headers holds each field, chosen by a
// user when an import could not match a required column (IMPORT_HEADERS_MISSING lists the expected fields and the
// headers found). Read by anyone who may read the department; saved by whoever may import into it (audited); the
// web import applies it before the built-in aliases.
import { BUDGET_FILE_ALIASES, GOAL_ALIASES } from '@jixiao/core';
import type { Database, Queryable } from '../../db/open-db.ts';
import type { AliasMap } from '../../import/header-match.ts';
import { unknownMappingFields } from '../../import/column-mapping.ts';
import { LEDGER_ALIASES, PROGRESS_ALIASES } from '../../import/table-columns.ts';
import type { Actor } from '../../auth/actor.ts';
import { assertCanRead } from '../../auth/access.ts';
import { auditInTx } from '../../audit/audit-log.ts';
import { ServiceError } from '../../http/service-error.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { editableDepartment } from './import-common.ts';
import * as repo from './imports.repository.ts';

export const MAPPING_KINDS = ['ledger', 'budgets', 'progress', 'goals'] as const;
export type MappingKind = (typeof MAPPING_KINDS)[number];

const FIELDS: Readonly<Record<MappingKind, AliasMap<string>>> = {
  ledger: LEDGER_ALIASES,
  budgets: BUDGET_FILE_ALIASES,
  progress: PROGRESS_ALIASES,
  goals: GOAL_ALIASES,
};

export interface MappingField {
  field: string;
  /** The template's header of the field. */
  header: string;
  /** Every header spelling accepted without a mapping. */
  aliases: string[];
}

export interface ColumnMappingView {
  departmentCode: string;
  kind: MappingKind;
  /** Field → the file's header text (empty when nothing was saved). */
  mapping: Record<string, string>;
  fields: MappingField[];
}

function view(code: string, kind: MappingKind, mapping: Record<string, string> | null) {
  const aliases = FIELDS[kind];
  return {
    departmentCode: code,
    kind,
    mapping: mapping ?? {},
    fields: Object.keys(aliases).map((field) => ({
      field,
      header: aliases[field]![0] ?? field,
      aliases: [...aliases[field]!],
    })),
  };
}

/** The mapping the department saved for this kind of file, or null (the imports' route applies it). */
export async function savedMapping(
  db: Queryable,
  departmentCode: string,
  kind: MappingKind,
): Promise<Record<string, string> | null> {
  return repo.findColumnMapping(db, departmentCode, kind);
}

/** GET …/import-mappings/{kind}. */
export async function getColumnMapping(
  database: Database,
  actor: Actor,
  departmentCode: string,
  kind: MappingKind,
): Promise<ColumnMappingView> {
  const dept = await getDepartment(database.db, actor, departmentCode);
  assertCanRead(actor, dept);
  return view(dept.code, kind, await savedMapping(database.db, dept.code, kind));
}

/** PUT …/import-mappings/{kind}: replaces the saved mapping (blank headers dropped; an empty one clears it). */
export async function saveColumnMapping(
  database: Database,
  actor: Actor,
  departmentCode: string,
  kind: MappingKind,
  mapping: Readonly<Record<string, string>>,
): Promise<ColumnMappingView> {
  const dept = await editableDepartment(database, actor, departmentCode);
  const unknown = unknownMappingFields(FIELDS[kind], mapping);
  if (unknown.length > 0) {
    throw new ServiceError('IMPORT_MAPPING_INVALID', { field: unknown[0]! }, { fields: unknown });
  }
  const clean = Object.fromEntries(
    Object.entries(mapping)
      .map(([f, h]) => [f, h.trim()] as const)
      .filter(([, h]) => h !== ''),
  );
  await database.db.transaction(async (tx) => {
    const before = await repo.findColumnMapping(tx, dept.code, kind);
    await repo.saveColumnMapping(tx, dept.code, kind, clean, actor.userId);
    await auditInTx(tx, actor, {
      action: 'import.mapping.save',
      entity: 'import_column_mappings',
      entityId: `${dept.code}/${kind}`,
      departmentCode: dept.code,
      before,
      after: clean,
    });
  });
  return view(dept.code, kind, clean);
}
