// `jixiao publish` and `jixiao npc-summary` end to end (real processes) on a copy of the demo database (PGlite):
// the package zip written with its PDFs and 清单, the publication recorded with --url/--date/--screenshot, the
// summary as .docx. PDF conversion runs only where LibreOffice is installed.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDataDir } from '../../../server/src/db/test-snapshot-dir.ts';
import { isPdfAvailable } from '../../../server/src/render/pdf/convert-pdf.ts';
import { JIXIAO_NODE_ARGS } from '../test-node-args.ts';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-cli-publish-'));
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

function runCli(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    const e: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', JIXIAO_DEMO: '0', ...env };
    delete e['JIXIAO_LANG'];
    delete e['DATABASE_URL'];
    execFile(
      process.execPath,
      [...JIXIAO_NODE_ARGS, ...args],
      { cwd: repoRoot, env: e, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) =>
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : -1,
          stdout,
          stderr,
        }),
    );
  });
}

describe.runIf(isPdfAvailable())('jixiao publish [pglite]', () => {
  const env: Record<string, string> = {};
  beforeAll(() => {
    const dir = path.join(tmp, 'data');
    seedDataDir(dir, 'demo');
    env['JIXIAO_DATA_DIR'] = dir;
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const D = ['--department', '440105-TZCJ', '--year', '2024'];

  it('writes the package zip and records the publication', { timeout: 300_000 }, async () => {
    const shot = path.join(tmp, 'shot.png');
    fs.writeFileSync(shot, PNG);
    const out = path.join(tmp, 'p.zip');
    const args = ['publish', ...D, '--out', out, '--json'];
    const proof = ['--url', 'https://www.haizhu.gov.cn/x.html', '--date', '2025-06-30'];
    const r = await runCli([...args, ...proof, '--screenshot', shot], env);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as {
      status: string;
      publishedOn: string;
      files: { fileName: string; kind: string }[];
    };
    expect(json.status).toBe('published');
    expect(json.publishedOn).toBe('2025-06-30');
    const zip = await JSZip.loadAsync(fs.readFileSync(out));
    expect(Object.keys(zip.files)).toEqual(json.files.map((f) => f.fileName));
    const pdfs = json.files.filter((f) => f.fileName.endsWith('.pdf'));
    expect(pdfs.length).toBe(json.files.length - 1);
    const head = await zip.file(pdfs[0]!.fileName)!.async('nodebuffer');
    expect(head.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    const again = await runCli(args, env);
    expect((JSON.parse(again.stdout) as { status: string }).status).toBe('published');

    const docx = path.join(tmp, 's.docx');
    const s = await runCli(
      ['npc-summary', '--region', '440105', '--year', '2024', '--out', docx],
      env,
    );
    expect(s.code).toBe(0);
    expect(fs.readFileSync(docx).subarray(0, 2).toString()).toBe('PK');
  });
});
