// Shapes of /api/departments/{code}/publication…, /api/publication/register and /api/npc/…: the schemas generated
// from docs/openapi.json.
import type { Schema } from '../../api/schema.ts';

export type Publication = Schema<'Publication'>;
export type PublicationFile = Schema<'PublicationFile'>;
export type RegisterRow = Schema<'PublicationRegisterRow'>;
export type NpcEvaluation = Schema<'NpcEvaluation'>;

export const publicationPath = (code: string): string =>
  `/api/departments/${encodeURIComponent(code)}/publication`;

/** The anonymous public page of a region (served by the server, outside the app). */
export const publicPagePath = (regionCode: string): string => `/public/${regionCode}`;

export const STATUS_TEXT: Record<Publication['status'], { text: string; color: string }> = {
  none: { text: '未生成', color: 'default' },
  prepared: { text: '已生成，未公开', color: 'gold' },
  published: { text: '已公开', color: 'green' },
};

export const FILE_KIND_TEXT: Record<PublicationFile['kind'], string> = {
  departmentReport: '部门整体支出绩效自评报告',
  departmentTable: '部门整体支出绩效自评表',
  projectTable: '项目支出绩效自评表',
  externalReport: '重点绩效评价报告',
  manifest: '材料清单',
};

export function sizeText(n: number): string {
  return n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`;
}
