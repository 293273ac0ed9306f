// The worker modules a server's warm pool thread loads at start (main.ts), so the first preview, overview scoring,
// document or import after start pays no module loading; the import bench warms its process the same way.
import { REGION_SCORING_WORKER } from './features/overview/region-scoring.ts';
import { REPORT_RENDER_WORKER } from './features/reports/report-offload.ts';
import { IMPORT_PARSE_WORKER } from './import/ledger-batches-thread.ts';
import { DOCUMENT_WRITER_WORKER } from './render/document-writer.ts';

export const WARM_WORKERS = [
  REPORT_RENDER_WORKER,
  REGION_SCORING_WORKER,
  DOCUMENT_WRITER_WORKER,
  IMPORT_PARSE_WORKER,
] as const;
