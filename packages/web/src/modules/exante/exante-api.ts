// Shapes of /api/exante…: the schemas generated from docs/openapi.json (the server's zod response schemas).
import type { PointInput } from '@jixiao/core/exante/index';
import type { Schema } from '../../api/schema.ts';

export type ExAnteItem = Schema<'ExAnteItem'>;
export type ExAnteDetail = Schema<'ExAnteDetail'>;
export type ExAnteVersion = ExAnteDetail['versions'][number];
export type Agency = Schema<'ExAnteAgency'>;
export type ExAnteEvidence = Schema<'ExAnteEvidence'>;
export type AgencyAccounts = Schema<'ExAnteAgencyAccounts'>;
export type AgencyAccountCreated = Schema<'ExAnteAgencyAccountCreated'>;

export type { PointInput };

export const CONCLUSION_COLOR: Record<string, string> = {
  SUPPORT: 'green',
  SUPPORT_AFTER_REVISION: 'gold',
  REJECT: 'red',
};

export const itemPath = (id: string): string => `/api/exante/items/${encodeURIComponent(id)}`;
