// jixiao report --region CODE --year YYYY [--out DIR|FILE.zip] [--no-pdf]: every department's self-evaluation report
// of the year in one zip (Word, and PDF when LibreOffice is installed), with a progress bar on stderr.
import fs from 'node:fs';
import path from 'node:path';
import { printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';

const PHASE = {
  word: { zh: '生成 Word', en: 'Word' },
  pdf: { zh: '转换 PDF', en: 'PDF' },
  zip: { zh: '打包', en: 'zip' },
  done: { zh: '完成', en: 'done' },
} as const;

type Phase = keyof typeof PHASE;

/** A bar redrawn in place on a terminal; on a pipe, one line per 10% or phase. */
export function progressBar(stream: NodeJS.WriteStream = process.stderr) {
  let last = '';
  return {
    update(phase: Phase, done: number, total: number): void {
      const pct = total === 0 ? 100 : Math.floor((done * 100) / total);
      const width = 30;
      const filled = Math.round((pct * width) / 100);
      const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${String(pct).padStart(3)}% ${done}/${total} ${t(PHASE[phase])}`;
      const key = stream.isTTY ? bar : `${phase}|${Math.floor(pct / 10)}`;
      if (key !== last) {
        last = key;
        stream.write(stream.isTTY ? `\r${bar}` : `${bar}\n`);
      }
    },
    end(): void {
      if (stream.isTTY) {
        stream.write('\n');
      }
    },
  };
}

/** Where the zip goes: FILE.zip as given, else a folder (made if need be) and the zip's own name. */
function target(out: string | undefined, fileName: string): string {
  if (out !== undefined && out.toLowerCase().endsWith('.zip')) {
    fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
    return path.resolve(out);
  }
  const dir = path.resolve(out ?? '.');
  fs.mkdirSync(dir, { recursive: true });
  return path.join(dir, fileName);
}

export async function runDistrictReport(opts: {
  region: string;
  year: number;
  out?: string;
  pdf: boolean;
}): Promise<void> {
  const { CLI_ACTOR, loadConfig } = await import('@jixiao/server');
  const svc = await import('@jixiao/server/features/reports/district-reports.service');
  const { tempAreaOf } = await import('@jixiao/server/features/reports/district-jobs');
  const area = path.join(tempAreaOf(loadConfig().dataDir), 'district-reports');
  fs.mkdirSync(area, { recursive: true });
  const workDir = fs.mkdtempSync(path.join(area, 'cli-'));
  const bar = progressBar();
  try {
    const zip = await withDb(async (database) => {
      const plan = await svc.planDistrictZip(database.db, CLI_ACTOR, opts);
      return svc.buildDistrictZip(database.db, CLI_ACTOR, plan, {
        workDir,
        now: new Date(),
        onProgress: (p) => bar.update(p.phase, p.done, p.total),
      });
    });
    bar.end();
    const file = target(opts.out, zip.fileName);
    fs.copyFileSync(zip.zipPath, file);
    printLine(
      t({
        zh: `已生成 ${file}（${zip.departments} 个部门的 Word 报告${zip.pdfs > 0 ? `，${zip.pdfs} 份 PDF` : '；未生成 PDF'}）`,
        en: `Wrote ${file} (${zip.departments} departments' Word reports${zip.pdfs > 0 ? `, ${zip.pdfs} PDFs` : '; no PDF'})`,
      }),
    );
  } finally {
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}
