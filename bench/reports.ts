// The reports part of `npm run bench` (issue 19, point 3): a generated region of JIXIAO_BENCH_REPORTS departments
// (default 100: the demo's full report data — 广州市海珠区投资促进局 2023 — with each department's name, code and
// amounts varied, so every document differs), then
//  1. Word per report: ours (core's document model + the .docx tree + the docx library's Packer) against the docx
//     library's own time for the same document (Packer.toBuffer on the prebuilt Document), goal ≤ 1.5×, after a
//     warm-up of three reports;
//  2. the same 100 reports through the server's path (report-offload.ts: 8 per bounded worker), per report;
//  3. PDF: the pool of LibreOffice processes (one per core, each with its own profile) over all the .docx, against
//     one LibreOffice run per report (the single-report path, measured on a few) — skipped without LibreOffice;
//  4. the zip of it all.
// It prints — it never asserts. JIXIAO_BENCH_SKIP_REPORTS=1 leaves it out of `npm run bench`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import { Packer } from 'docx';
import { buildSelfEvaluationReport, type DepartmentReportData } from '@jixiao/core';
import { haizhu2023Fixture } from '@jixiao/core/report/fixtures/haizhu-2023.fixture';
import { docxDocument, renderDocx } from '@jixiao/server/render/docx/render-docx';
import {
  convertDocxToPdf,
  isPdfAvailable,
  SOFFICE_POOL_SIZE,
} from '@jixiao/server/render/pdf/convert-pdf';
import { convertDocxFilesToPdf } from '@jixiao/server/render/pdf/pdf-pool';
import { renderDocxBatchOffloaded } from '@jixiao/server/features/reports/report-offload';
import { DISTRICT_BATCH } from '@jixiao/server/features/reports/district-reports.service';

const COUNT = Number(process.env['JIXIAO_BENCH_REPORTS'] ?? 100);
const SINGLE_PDF_SAMPLE = 3;

/** Department i of the generated region: its own name, code and amounts (×(1 + i/100)). */
export function generatedDepartment(i: number): DepartmentReportData {
  const base = structuredClone(haizhu2023Fixture);
  const n = String(i + 1).padStart(3, '0');
  const scale = (x: number) => Math.round(x * (1 + i / 100));
  const scaleDeep = (v: unknown, key = ''): unknown => {
    if (typeof v === 'number' && /budget|executed|amount|carryover/i.test(key)) {
      return scale(v);
    }
    if (Array.isArray(v)) {
      return v.map((x) => scaleDeep(x, key));
    }
    if (v !== null && typeof v === 'object') {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, scaleDeep(x, k)]));
    }
    return v;
  };
  const data = scaleDeep(base) as DepartmentReportData;
  data.department = {
    ...data.department,
    code: `990100-D${n}`,
    name: `基准测试区第${n}部门`,
    shortName: `第${n}部门`,
    regionCode: '990100',
    regionName: '基准测试区',
  };
  return data;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

async function wordRatio(region: DepartmentReportData[], out: (l?: string) => void) {
  const ours: number[] = [];
  const lib: number[] = [];
  for (const data of region.slice(0, 3)) {
    await renderDocx(buildSelfEvaluationReport(data)); // warm-up (JIT), not counted
  }
  for (const data of region) {
    let t0 = performance.now();
    await renderDocx(buildSelfEvaluationReport(data));
    ours.push(performance.now() - t0);
    const document = docxDocument(buildSelfEvaluationReport(data));
    t0 = performance.now();
    await Packer.toBuffer(document);
    lib.push(performance.now() - t0);
  }
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const ratio = sum(ours) / sum(lib);
  out(
    `   Word per report: ours ${median(ours).toFixed(0)} ms (median), docx Packer alone ${median(lib).toFixed(0)} ms → ${ratio.toFixed(2)}× (goal ≤ 1.5×) ${ratio <= 1.5 ? '✓' : '✗'}`,
  );
}

async function pdfPart(files: string[], dir: string, out: (l?: string) => void) {
  if (!isPdfAvailable()) {
    out('   PDF: skipped (LibreOffice not installed)');
    return [] as (string | null)[];
  }
  const single: number[] = [];
  for (const f of files.slice(0, SINGLE_PDF_SAMPLE)) {
    const t0 = performance.now();
    await convertDocxToPdf(fs.readFileSync(f));
    single.push(performance.now() - t0);
  }
  const t0 = performance.now();
  const r = await convertDocxFilesToPdf(files, path.join(dir, 'pdf'), {
    workDir: path.join(dir, 'soffice'),
  });
  const s = (performance.now() - t0) / 1000;
  const made = r?.pdfs.filter((p) => p !== null).length ?? 0;
  const perPdf = (s * 1000) / Math.max(1, made);
  out(
    `   PDF: pool of ${SOFFICE_POOL_SIZE} LibreOffice processes: ${made}/${files.length} PDFs in ${s.toFixed(1)} s (${perPdf.toFixed(0)} ms per report) · one LibreOffice run per report: ${median(single).toFixed(0)} ms (median of ${single.length}) → pool ${(median(single) / perPdf).toFixed(1)}× faster per report`,
  );
  return r?.pdfs ?? [];
}

export async function runReportsBench(out: (line?: string) => void): Promise<void> {
  out(`\n== reports: a generated region of ${COUNT} departments (issue 19.3)`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-bench-reports-'));
  try {
    const region = Array.from({ length: COUNT }, (_, i) => generatedDepartment(i));
    await wordRatio(region, out);
    let t0 = performance.now();
    const bodies: Buffer[] = [];
    for (let i = 0; i < region.length; i += DISTRICT_BATCH) {
      bodies.push(...(await renderDocxBatchOffloaded(region.slice(i, i + DISTRICT_BATCH))));
    }
    const offS = (performance.now() - t0) / 1000;
    out(
      `   Word through the server's path (${DISTRICT_BATCH} per bounded worker): ${bodies.length} reports in ${offS.toFixed(1)} s (${((offS * 1000) / bodies.length).toFixed(0)} ms per report, worker start-ups included)`,
    );
    const files = bodies.map((b, i) => {
      const f = path.join(dir, `${region[i]!.department.code}.docx`);
      fs.writeFileSync(f, b);
      return f;
    });
    const pdfs = await pdfPart(files, dir, out);
    t0 = performance.now();
    const zip = new JSZip();
    for (const f of [...files, ...pdfs.filter((p): p is string => p !== null)]) {
      zip.file(path.basename(f), fs.readFileSync(f), { compression: 'STORE' });
    }
    const buf = await zip.generateAsync({ type: 'nodebuffer' });
    out(
      `   zip: ${(buf.length / 1048576).toFixed(1)} MB in ${((performance.now() - t0) / 1000).toFixed(2)} s`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url.endsWith(path.basename(process.argv[1]))) {
  await runReportsBench((line = '') => process.stdout.write(`${line}\n`));
}
