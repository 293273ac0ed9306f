// Shapes of /api/exante… (what the server's zod response schemas declare).
import type { ExAnteTemplate, PointInput, ScoreSheet } from '@jixiao/core/exante/index';

export interface ExAnteItem {
  id: string;
  departmentCode: string;
  departmentName: string;
  fiscalYear: number;
  projectCode: string;
  projectName: string;
  type: 'PROJECT' | 'POLICY';
  typeText: string;
  isNew: boolean;
  amount: string;
  amountText: string;
  requires: { department: boolean; finance: boolean; reasons: string[] };
  state: 'draft' | 'submitted' | 'returned' | 'thirdParty' | 'concluded';
  stateText: string;
  conclusion: 'SUPPORT' | 'SUPPORT_AFTER_REVISION' | 'REJECT' | null;
  conclusionText: string | null;
  total: string | null;
  confirmed: boolean;
  versionCount: number;
  agencyId: string | null;
  agencyName: string | null;
  budgetAllowed: boolean;
  budgetRefusal: string | null;
  goalId: string | null;
}

export interface ExAnteVersion {
  versionNo: number;
  assessor: string;
  assessorText: string;
  assessedByName: string;
  total: string;
  conclusion: string;
  conclusionText: string;
  submitted: boolean;
  submittedAt: string | null;
  summary: string;
  suggestions: string;
  sheet: ScoreSheet;
}

export interface ExAnteDetail {
  item: ExAnteItem;
  background: string;
  content: string;
  fundingText: string;
  goalText: string;
  template: ExAnteTemplate;
  ratingShares: Record<string, string>;
  versions: ExAnteVersion[];
  events: {
    action: string;
    actionText: string;
    versionNo: number | null;
    opinion: string | null;
    actorName: string;
    at: string;
  }[];
}

export interface Agency {
  id: string;
  code: string;
  name: string;
}

export type { PointInput };

export const CONCLUSION_COLOR: Record<string, string> = {
  SUPPORT: 'green',
  SUPPORT_AFTER_REVISION: 'gold',
  REJECT: 'red',
};

export const itemPath = (id: string): string => `/api/exante/items/${encodeURIComponent(id)}`;
