// The self-evaluation report: data in, document model out, and the pure renderers (Markdown, HTML).
export * from './report-data.ts';
export * from './document-model.ts';
export * from './report-format.ts';
export * from './paragraph-templates.ts';
export * from './self-evaluation-table.ts';
export * from './build-report.ts';
export * from './render-markdown.ts';
export * from './render-html.ts';
export * from './render-text.ts';
