// The modules that plug into shared services at import time (audit writer, live metrics, target
// changes, monitoring warnings). Every entry point imports this file — the server (app.ts), the CLI
// (through db/bootstrap.ts) and the test database helper — so no write ever skips the audit log.
import './audit/audit-log.ts';
import './services/access.ts';
import './services/metric.service.ts';
