// The worker side of report rendering (offload/offload.ts, run on a pooled thread): the report's data → core's document model → .docx
// or the HTML preview, for one department or a batch of them (the district zip), with progress after each.
import { buildSelfEvaluationReport, renderHtml } from '@jixiao/core';
import type { OffloadHandler, OffloadTaskContext } from '../../offload/offload.ts';
import type { RenderTask, RenderTaskResult } from './report-offload.ts';

/** The docx library loads only for Word (the HTML preview's worker starts faster without it). */
async function docxRenderer() {
  return (await import('../../render/docx/render-docx.ts')).renderDocx;
}

async function run(task: RenderTask, ctx: OffloadTaskContext): Promise<RenderTaskResult> {
  if (task.type === 'one') {
    const doc = buildSelfEvaluationReport(task.data);
    if (task.format === 'html') {
      return { type: 'one', body: Buffer.from(renderHtml(doc), 'utf8') };
    }
    const renderDocx = await docxRenderer();
    return { type: 'one', body: await renderDocx(doc) };
  }
  const renderDocx = await docxRenderer();
  const bodies: Uint8Array[] = [];
  for (const data of task.items) {
    bodies.push(await renderDocx(buildSelfEvaluationReport(data)));
    ctx.progress(bodies.length);
  }
  return { type: 'many', bodies };
}

/** A pooled thread keeps this module: every preview after the first renders without a start-up. */
export const handle: OffloadHandler<RenderTask, RenderTaskResult> = run;
