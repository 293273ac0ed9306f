// The projects API (GET/POST/PATCH /api/departments/{code}/projects): row type, labels, and the save call.
import { api } from '../../api/client.ts';
import type { MessageKey } from '../../i18n/i18n.tsx';
import type { Schema } from '../../api/schema.ts';
import { FUND_SOURCES, type ExpenditureType, type FundSource } from '@jixiao/core/vocabulary';

export type { ExpenditureType, FundSource };
export { FUND_SOURCES };

/** One row of GET …/projects?year= (money as 2-decimal 元 strings). */
export type ProjectRow = Schema<'ProjectList'>[number];

/** What the project form edits: the body of POST …/projects without the year (the page's year is added). */
export type ProjectValues = Required<Omit<Schema<'CreateProject'>, 'year'>>;

export function fundSourceKey(f: string): MessageKey | null {
  return (FUND_SOURCES as readonly string[]).includes(f)
    ? (`projects.fund.${f}` as MessageKey)
    : null;
}

/** Rows ordered as a tree: each 一级 project followed by its 二级 projects (orphans last). */
export function treeOrder(rows: readonly ProjectRow[]): ProjectRow[] {
  const byParent = new Map<string, ProjectRow[]>();
  for (const r of rows) {
    if (r.parentId) {
      byParent.set(r.parentId, [...(byParent.get(r.parentId) ?? []), r]);
    }
  }
  const out: ProjectRow[] = [];
  for (const r of rows) {
    if (!r.parentId) {
      out.push(r, ...(byParent.get(r.id) ?? []));
    }
  }
  const placed = new Set(out.map((r) => r.id));
  return [...out, ...rows.filter((r) => !placed.has(r.id))];
}

/** Create (id null) or save only the changed fields of an existing project. */
export async function saveProject(
  departmentCode: string,
  year: number,
  before: ProjectRow | null,
  v: ProjectValues,
): Promise<void> {
  const base = `/api/departments/${encodeURIComponent(departmentCode)}/projects`;
  const parentId = v.level === 2 ? v.parentId : null;
  if (!before) {
    await api.post(base, {
      year,
      code: v.code.trim(),
      name: v.name.trim(),
      level: v.level,
      parentId,
      fundSource: v.fundSource,
      expenditureType: v.expenditureType,
    });
    return;
  }
  const patch: Record<string, unknown> = {};
  if (v.code.trim() !== before.code) {
    patch['code'] = v.code.trim();
  }
  if (v.name.trim() !== before.name) {
    patch['name'] = v.name.trim();
  }
  if (v.level !== before.level) {
    patch['level'] = v.level;
  }
  if (parentId !== before.parentId) {
    patch['parentId'] = parentId;
  }
  if (v.fundSource !== before.fundSource) {
    patch['fundSource'] = v.fundSource;
  }
  if (v.expenditureType !== before.expenditureType) {
    patch['expenditureType'] = v.expenditureType;
  }
  if (Object.keys(patch).length > 0) {
    await api.patch(`${base}/${encodeURIComponent(before.id)}`, patch);
  }
}
