// jixiao publish --department CODE --year Y --out F.zip [--url U --date YYYY-MM-DD --screenshot F.png] [--json]
// — the department-year's 公开 package (自评报告, 部门整体 and each project's 自评表 as PDF, 清单): prepared now unless
// it is already published (then the published files as they were), written as a zip; with --url, --date and
// --screenshot the publication is recorded as well (the public page then lists it).
import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { CliError } from '../exit-codes.ts';
import { formatTable, printJson, printLine, t } from '../output.ts';
import { withDb } from '../with-db.ts';
import { requireDepartment, requireYear } from './cli-options.ts';

interface PublishOptions {
  department?: string;
  year?: string;
  out?: string;
  url?: string;
  date?: string;
  screenshot?: string;
  json?: boolean;
}

function readScreenshot(file: string | undefined) {
  if (file === undefined) {
    return null;
  }
  try {
    return { name: path.basename(file), type: '', bytes: fs.readFileSync(file) };
  } catch {
    throw new CliError(t({ zh: `无法读取截图文件：${file}`, en: `Cannot read ${file}` }));
  }
}

async function run(opts: PublishOptions): Promise<void> {
  const code = requireDepartment(opts.department);
  const year = requireYear(opts.year);
  if (!opts.out) {
    throw new CliError(t({ zh: '请用 --out 指定 zip 文件', en: 'Give --out FILE.zip' }));
  }
  const proof = opts.url !== undefined || opts.date !== undefined || opts.screenshot !== undefined;
  const shot = readScreenshot(opts.screenshot);
  const { CLI_ACTOR } = await import('@jixiao/server');
  const svc = await import('@jixiao/server/features/publication/publication.service');
  const files = await import('@jixiao/server/features/publication/publication-files.service');
  const { view, zip } = await withDb(async ({ db }) => {
    const now = new Date();
    let v = await svc.getPublication(db, CLI_ACTOR, code, year);
    if (v.status !== 'published') {
      v = await svc.preparePublication(db, CLI_ACTOR, code, year, now);
      if (proof) {
        const input = { url: opts.url ?? '', publishedOn: opts.date ?? '', screenshot: shot };
        v = await svc.recordPublication(db, CLI_ACTOR, code, year, input, now);
      }
    }
    return { view: v, zip: await files.packageZip(db, CLI_ACTOR, code, year) };
  });
  const out = path.resolve(opts.out);
  fs.writeFileSync(out, zip.body);
  if (opts.json) {
    printJson({
      department: view.departmentCode,
      year: view.fiscalYear,
      status: view.status,
      preparedAt: view.preparedAt,
      publishedOn: view.publishedOn,
      publicationUrl: view.publicationUrl,
      packageSha256: view.packageSha256,
      out,
      bytes: zip.body.length,
      files: view.files.map((f) => ({
        fileName: f.fileName,
        kind: f.kind,
        title: f.title,
        size: f.size,
        sha256: f.sha256,
      })),
    });
    return;
  }
  printLine(
    formatTable(
      [t({ zh: '文件', en: 'File' }), t({ zh: '字节', en: 'Bytes' })],
      view.files.map((f) => [f.fileName, String(f.size)]),
    ),
  );
  printLine(
    t({
      zh: `已写出 ${out}（${view.status === 'published' ? `已公开 ${view.publishedOn ?? ''}` : '已生成，尚未登记公开'}）`,
      en: `Wrote ${out} (${view.status})`,
    }),
  );
}

export function registerPublishCommand(program: Command): void {
  program
    .command('publish')
    .description('生成（或导出已公开的）绩效信息公开材料包 zip / the publication package')
    .option('--department <code>', '部门编码 / department code')
    .option('--year <yyyy>', '预算年度 / fiscal year')
    .option('--out <file>', '输出 zip 文件 / output zip')
    .option('--url <url>', '公开网址（与 --date、--screenshot 一起登记公开）/ publication URL')
    .option('--date <yyyy-mm-dd>', '公开时间 / publication date')
    .option('--screenshot <file>', '公开页面截图 PNG/JPEG / screenshot')
    .option('--json', '输出 JSON / JSON output')
    .action(run);
}
