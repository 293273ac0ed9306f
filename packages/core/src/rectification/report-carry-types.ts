// The previous year's 整改 items as the self-evaluation report's data carries them (no imports of the report).
import type { RectificationDisplayStatus } from './types.ts';

export interface PreviousRectificationItem {
  id: string;
  issueNo: string;
  /** 部门整体 or the project's name. */
  subject: string;
  problem: string;
  status: RectificationDisplayStatus;
  deadline: string;
  /** The 销号 day (ISO date), when closed. */
  closedOn: string | null;
}

export interface PreviousRectifications {
  fiscalYear: number;
  items: PreviousRectificationItem[];
}
