// The conclusion bands (§A.3, half-open [CONV]): total ≥ 90 予以支持, [70, 90) 调整完善后予以支持, < 70 不予支持.
import { d, type Decimal } from '../decimal.ts';
import type { ExAnteConclusion } from './types.ts';

export interface ConclusionBands {
  support: string;
  revise: string;
}

export const DEFAULT_CONCLUSION_BANDS: ConclusionBands = { support: '90', revise: '70' };

/** THE one conclusion function: the web shows it live, the server stores it, the report prints it. */
export function conclusionFor(
  total: Decimal | string,
  bands: ConclusionBands = DEFAULT_CONCLUSION_BANDS,
): ExAnteConclusion {
  const t = d(total);
  if (t.gte(d(bands.support))) {
    return 'SUPPORT';
  }
  return t.gte(d(bands.revise)) ? 'SUPPORT_AFTER_REVISION' : 'REJECT';
}
