// Scanned PDFs: rasterise the pages with pdftoppm (poppler-utils) and read them with tesseract (chi_sim).
// Runs inside the review worker (off the request thread); every child process has its own time limit.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** At most this many pages of a scan are read (a self-evaluation report has 10 to 30). */
export const OCR_MAX_PAGES = 40;
/** One page may take this long in tesseract. */
const PAGE_TIMEOUT_MS = 60_000;
/** Resolution of the page images: 300 dpi reads 小五 digits reliably. */
const DPI = 300;

function run(cmd: string, args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(
      cmd,
      [...args],
      {
        timeout: timeoutMs,
        maxBuffer: 16 * 1024 * 1024,
        encoding: 'utf8',
        // one thread per tesseract: two pages run side by side instead
        env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      },
      (error, stdout) => (error ? reject(error) : resolve(stdout)),
    );
  });
}

let available: Promise<boolean> | null = null;
let langs: Promise<string[]> | null = null;

/** chi_sim, with eng when installed. */
function languages(): Promise<string[]> {
  langs ??= run('tesseract', ['--list-langs'], 10_000)
    .then((out) => (/\beng\b/.test(out) ? ['chi_sim', 'eng'] : ['chi_sim']))
    .catch(() => ['chi_sim']);
  return langs;
}

/** True when tesseract with the simplified-Chinese model and pdftoppm are installed. */
export function isOcrAvailable(): Promise<boolean> {
  available ??= Promise.all([
    run('tesseract', ['--list-langs'], 10_000).then((out) => /\bchi_sim\b/.test(out)),
    run('pdftoppm', ['-v'], 10_000).then(() => true),
  ])
    .then(([t, p]) => t && p)
    .catch(() => false);
  return available;
}

async function pageTexts(files: readonly string[], dir: string): Promise<string[]> {
  const out: string[] = new Array<string>(files.length).fill('');
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < files.length) {
      const i = next;
      next += 1;
      out[i] = await run(
        'tesseract',
        // chi_sim for the words, eng beside it for digits and signs (chi_sim alone reads "20.00%" as "20.009%6")
        [join(dir, files[i]!), 'stdout', '-l', (await languages()).join('+'), '--psm', '6'],
        PAGE_TIMEOUT_MS,
      );
    }
  };
  await Promise.all([worker(), worker()]);
  return out;
}

/** The text of each page of a scanned PDF (at most OCR_MAX_PAGES pages). */
export async function ocrPdf(bytes: Uint8Array): Promise<string[]> {
  const dir = await mkdtemp(join(tmpdir(), 'jixiao-ocr-'));
  try {
    const input = join(dir, 'scan.pdf');
    await writeFile(input, bytes);
    await run(
      'pdftoppm',
      ['-r', String(DPI), '-gray', '-png', '-l', String(OCR_MAX_PAGES), input, join(dir, 'page')],
      PAGE_TIMEOUT_MS * 2,
    );
    const files = (await readdir(dir)).filter((f) => f.endsWith('.png')).sort();
    return await pageTexts(files, dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
