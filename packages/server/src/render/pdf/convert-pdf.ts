// .docx → PDF with LibreOffice headless. Each call gets its own temporary profile (-env:UserInstallation), so
// conversions can run side by side; fonts come from the shipped fonts.conf through FONTCONFIG_FILE.
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { err, ok, type Bilingual, type Result } from '@jixiao/core';

export type PdfErrorCode = 'PDF_UNAVAILABLE' | 'PDF_FAILED' | 'PDF_TIMEOUT';

export interface PdfError {
  code: PdfErrorCode;
  message: Bilingual;
  /** LibreOffice's own output, for the log (never shown to users). */
  detail?: string;
}

export interface ConvertPdfOptions {
  /** Path of soffice; found on PATH and in the usual install places when absent. */
  sofficePath?: string;
  /** Default 120 s (a cold start takes about 6 s). */
  timeoutMs?: number;
}

/** The fontconfig file shipped beside this module. */
export const FONTS_CONF = fileURLToPath(new URL('./fonts.conf', import.meta.url));

const CANDIDATES = ['soffice', 'libreoffice'];
const INSTALL_DIRS = [
  '/usr/bin',
  '/usr/local/bin',
  '/usr/lib/libreoffice/program',
  '/opt/libreoffice/program',
  '/Applications/LibreOffice.app/Contents/MacOS',
];

function isExecutable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

let cachedSoffice: string | null | undefined;

/** The soffice executable, or null when LibreOffice is not installed. */
export function findSoffice(): string | null {
  if (cachedSoffice !== undefined) {
    return cachedSoffice;
  }
  const dirs = [
    ...(process.env['PATH'] ?? '').split(path.delimiter).filter((d) => d !== ''),
    ...INSTALL_DIRS,
  ];
  cachedSoffice = null;
  for (const dir of dirs) {
    for (const name of CANDIDATES) {
      const p = path.join(dir, name);
      if (isExecutable(p)) {
        cachedSoffice = p;
        return p;
      }
    }
  }
  return null;
}

/** True when LibreOffice can be run to make PDFs. */
export function isPdfAvailable(): boolean {
  return findSoffice() !== null;
}

/** LibreOffice processes at once, one per core (each takes ~200 MB; at most 4); later calls wait their turn. */
export const SOFFICE_POOL_SIZE = Math.max(1, Math.min(4, os.availableParallelism()));
const MAX_CONCURRENT = SOFFICE_POOL_SIZE;
let running = 0;
const waiting: (() => void)[] = [];

async function acquire(): Promise<void> {
  if (running < MAX_CONCURRENT) {
    running++;
    return;
  }
  await new Promise<void>((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next === undefined) {
    running--;
  } else {
    next();
  }
}

/** Runs `fn` in one of the pool's LibreOffice slots (shared by single conversions and batches). */
export async function withSofficeSlot<T>(fn: () => Promise<T>): Promise<T> {
  await acquire();
  try {
    return await fn();
  } finally {
    release();
  }
}

/** The environment of a LibreOffice run whose profile and HOME live in `dir`. */
export function sofficeEnv(dir: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: dir,
    FONTCONFIG_FILE: FONTS_CONF,
    LANG: 'C.UTF-8',
  };
}

/** The arguments that convert `inputs` to PDF into `outDir`, with the profile in `profileDir`. */
export function sofficeArgs(profileDir: string, outDir: string, inputs: string[]): string[] {
  return [
    `-env:UserInstallation=${pathToFileURL(profileDir).href}`,
    '--headless',
    '--norestore',
    '--nolockcheck',
    '--convert-to',
    'pdf:writer_pdf_Export',
    '--outdir',
    outDir,
    ...inputs,
  ];
}

export interface RunOutcome {
  code: number | null;
  timedOut: boolean;
  output: string;
}

export function runSoffice(
  soffice: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  onOutput?: (chunk: string) => void,
): Promise<RunOutcome> {
  return new Promise((resolve) => {
    // Own process group, so a timeout ends soffice and the soffice.bin it starts, and nothing else.
    const child = spawn(soffice, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let timedOut = false;
    child.stdout.on('data', (b: Buffer) => {
      output += b.toString();
      onOutput?.(b.toString());
    });
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid !== undefined) {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      resolve({ code: null, timedOut, output: output + String(e) });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, timedOut, output });
    });
  });
}

/** Convert a .docx to PDF. Expected failures come back as coded errors, never as exceptions. */
export async function convertDocxToPdf(
  docx: Buffer,
  options: ConvertPdfOptions = {},
): Promise<Result<Buffer, PdfError>> {
  const soffice = options.sofficePath ?? findSoffice();
  if (soffice === null) {
    return err({
      code: 'PDF_UNAVAILABLE',
      message: {
        zh: '服务器未安装 LibreOffice，暂不能生成 PDF，请下载 Word 版本。',
        en: 'LibreOffice is not installed; PDF output is unavailable. Download the Word file instead.',
      },
    });
  }
  await acquire();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'jixiao-pdf-'));
  try {
    const input = path.join(dir, 'report.docx');
    await writeFile(input, docx);
    const args = sofficeArgs(path.join(dir, 'profile'), dir, [input]);
    const outcome = await runSoffice(soffice, args, sofficeEnv(dir), options.timeoutMs ?? 120_000);
    if (outcome.timedOut) {
      return err({
        code: 'PDF_TIMEOUT',
        message: {
          zh: '生成 PDF 超时，请稍后重试。',
          en: 'PDF conversion timed out; try again later.',
        },
        detail: outcome.output,
      });
    }
    let pdf: Buffer;
    try {
      pdf = await readFile(path.join(dir, 'report.pdf'));
    } catch {
      return err({
        code: 'PDF_FAILED',
        message: {
          zh: '生成 PDF 失败，请下载 Word 版本。',
          en: 'PDF conversion failed; download the Word file instead.',
        },
        detail: `exit ${String(outcome.code)}: ${outcome.output}`,
      });
    }
    if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
      return err({
        code: 'PDF_FAILED',
        message: { zh: '生成的 PDF 文件无效。', en: 'The converted file is not a PDF.' },
        detail: outcome.output,
      });
    }
    return ok(pdf);
  } finally {
    await rm(dir, { recursive: true, force: true });
    release();
  }
}
