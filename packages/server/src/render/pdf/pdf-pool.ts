// Many .docx → PDF at once (the district zip): a pool of LibreOffice processes sized to the cores
// (SOFFICE_POOL_SIZE), each with its own profile directory (-env:UserInstallation), each converting its share of
// the files in one run, so LibreOffice starts once per process rather than once per report.
import { open, mkdir } from 'node:fs/promises';
import path from 'node:path';
import {
  SOFFICE_POOL_SIZE,
  findSoffice,
  runSoffice,
  sofficeArgs,
  sofficeEnv,
  withSofficeSlot,
} from './convert-pdf.ts';

export interface PdfBatchResult {
  /** PDF path of each input (same order); null where LibreOffice made none. */
  pdfs: (string | null)[];
  /** LibreOffice's output of the runs that failed or timed out, for the log. */
  problems: string[];
}

export interface PdfBatchOptions {
  /** Folder for the processes' profiles and HOME (removed by the caller). */
  workDir: string;
  /** Called once per converted file with the number converted so far. */
  onConverted?: (done: number) => void;
  /** Processes at once (default SOFFICE_POOL_SIZE, one per core). */
  poolSize?: number;
  /** Time of one process: a start-up plus this much per file (default 30 s). */
  perFileMs?: number;
}

async function isPdf(file: string): Promise<boolean> {
  try {
    const fh = await open(file, 'r');
    try {
      const head = Buffer.alloc(5);
      await fh.read(head, 0, 5, 0);
      return head.toString('latin1') === '%PDF-';
    } finally {
      await fh.close();
    }
  } catch {
    return false;
  }
}

/** Converts `inputs` (.docx paths with distinct names) into `outDir`; null when LibreOffice is not installed. */
export async function convertDocxFilesToPdf(
  inputs: readonly string[],
  outDir: string,
  options: PdfBatchOptions,
): Promise<PdfBatchResult | null> {
  const soffice = findSoffice();
  if (soffice === null) {
    return null;
  }
  const size = Math.max(1, Math.min(options.poolSize ?? SOFFICE_POOL_SIZE, inputs.length));
  const shares = Array.from({ length: size }, (_, i) => inputs.filter((_f, j) => j % size === i));
  const problems: string[] = [];
  let done = 0;
  await mkdir(outDir, { recursive: true });
  await Promise.all(
    shares.map((share, i) =>
      withSofficeSlot(async () => {
        const home = path.join(options.workDir, `soffice-${i}`);
        await mkdir(home, { recursive: true });
        let pending = '';
        const outcome = await runSoffice(
          soffice,
          sofficeArgs(path.join(home, 'profile'), outDir, [...share]),
          sofficeEnv(home),
          60_000 + (options.perFileMs ?? 30_000) * share.length,
          (chunk) => {
            const lines = (pending + chunk).split('\n');
            pending = lines.pop() ?? '';
            for (let k = lines.filter((l) => l.includes(' -> ')).length; k > 0; k -= 1) {
              done += 1;
              options.onConverted?.(done);
            }
          },
        );
        if (outcome.timedOut || outcome.code !== 0) {
          problems.push(`soffice ${i}: exit ${String(outcome.code)}: ${outcome.output}`);
        }
      }),
    ),
  );
  const pdfs = await Promise.all(
    inputs.map(async (input) => {
      const pdf = path.join(outDir, `${path.basename(input, path.extname(input))}.pdf`);
      return (await isPdf(pdf)) ? pdf : null;
    }),
  );
  return { pdfs, problems };
}
