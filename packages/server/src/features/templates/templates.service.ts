// Downloadable Excel templates with Chinese headers for the three imports (支出台账 / 项目预算 / 指标完成进度):
// a data sheet whose header row the importer reads, typed columns, drop-down lists, and a 填写说明 sheet.
// The progress template can be pre-filled with a department's indicators (指标ID, 项目编码, 指标名称).
import { OPERATOR_SYMBOL, type Operator } from '@jixiao/core';
import type { Db } from '../../db/open-db.ts';
import { listIndicators, listProjects } from '../monitoring/monitoring.repository.ts';
import type { Actor } from '../../auth/actor.ts';
import { getDepartment } from '../departments/departments.service.ts';
import { writeDocument } from '../../render/document-writer.ts';
import { TEMPLATE_FILE_NAMES, type TemplateKind } from './templates-xlsx.ts';

export { TEMPLATE_FILE_NAMES, TEMPLATE_KINDS, type TemplateKind } from './templates-xlsx.ts';

/** A template workbook (optionally with rows, e.g. a department's indicators), written on a pooled thread. */
export async function buildTemplate(
  kind: TemplateKind,
  options: { created: Date; rows?: readonly (readonly string[])[] },
): Promise<Buffer> {
  return writeDocument({ kind: 'template-xlsx', template: kind, options });
}

/** GET /api/templates/{kind}.xlsx (?department=&year= pre-fills the progress template with the indicators). */
export async function templateFile(
  db: Db,
  actor: Actor,
  kind: TemplateKind,
  now: Date,
  scope?: { departmentCode: string; year: number },
): Promise<{ fileName: string; body: Buffer }> {
  let rows: string[][] | undefined;
  if (kind === 'progress' && scope) {
    const dept = await getDepartment(db, actor, scope.departmentCode);
    const [indicators, projects] = await Promise.all([
      listIndicators(db, dept.code, scope.year),
      listProjects(db, dept.code, scope.year),
    ]);
    const codeOf = new Map(projects.map((p) => [p.id, p.code]));
    rows = indicators.map((i) => [
      i.id,
      i.projectId ? (codeOf.get(i.projectId) ?? '') : '部门整体',
      i.name,
      '',
      '',
      `目标 ${OPERATOR_SYMBOL[i.operator as Operator] ?? ''}${i.target}${i.unit}`,
    ]);
  }
  return {
    fileName: TEMPLATE_FILE_NAMES[kind],
    body: await buildTemplate(kind, { created: now, ...(rows ? { rows } : {}) }),
  };
}
