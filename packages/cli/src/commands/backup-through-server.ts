// The backup through a running server: sign in as the system administrator, download GET /api/admin/backup
// into FILE.partial, check the file through to its end line, rename it, sign out.
import fs from 'node:fs';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import readline from 'node:readline';
import { CliError, EXIT_FAILURE } from '../exit-codes.ts';
import { t } from '../output.ts';

async function askPassword(username: string): Promise<string> {
  const fromEnv = process.env['JIXIAO_PASSWORD'];
  if (fromEnv) {
    return fromEnv;
  }
  if (!process.stdin.isTTY) {
    throw new CliError(
      t({
        zh: '请在环境变量 JIXIAO_PASSWORD 中提供密码（非交互运行）',
        en: 'Give the password in JIXIAO_PASSWORD (not interactive)',
      }),
    );
  }
  const rl = readline.createInterface({ input: process.stdin, output: process.stderr });
  process.stderr.write(t({ zh: `${username} 的密码：`, en: `Password for ${username}: ` }));
  const muted = rl as unknown as { _writeToOutput: (s: string) => void };
  muted._writeToOutput = () => undefined;
  const answer = await new Promise<string>((resolve) => rl.question('', resolve));
  rl.close();
  process.stderr.write('\n');
  return answer;
}

function serverRefusal(status: number, body: string): CliError {
  let message = body.slice(0, 300);
  try {
    const e = (JSON.parse(body) as { error?: { message?: string; messageEn?: string } }).error;
    message = t({ zh: e?.message ?? message, en: e?.messageEn ?? message });
  } catch {
    // not JSON: the text as it came
  }
  return new CliError(
    t({
      zh: `服务器拒绝（${status}）：${message}`,
      en: `The server refused (${status}): ${message}`,
    }),
    status === 401 || status === 403 ? 2 : EXIT_FAILURE,
  );
}

async function call(url: string, init: RequestInit): Promise<Response> {
  try {
    return await fetch(url, init);
  } catch (e) {
    throw new CliError(
      t({
        zh: `连接不上服务器 ${url}：${(e as Error).message}（可用 --server 指定地址）`,
        en: `Cannot reach the server at ${url}: ${(e as Error).message} (use --server)`,
      }),
      EXIT_FAILURE,
    );
  }
}

export async function backupThroughServer(
  server: string,
  username: string,
  file: string,
): Promise<{ tables: number; rows: number; sha256: string }> {
  const base = server.replace(/\/+$/, '');
  const password = await askPassword(username);
  const login = await call(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (login.status !== 200) {
    throw serverRefusal(login.status, await login.text());
  }
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  try {
    const res = await call(`${base}/api/admin/backup`, { headers: { cookie } });
    if (res.status !== 200 || !res.body) {
      throw serverRefusal(res.status, await res.text());
    }
    const partial = `${file}.partial`;
    try {
      await pipeline(
        Readable.fromWeb(res.body as import('node:stream/web').ReadableStream),
        fs.createWriteStream(partial, { mode: 0o600 }),
      );
      const { checkBackupFile } = await import('@jixiao/server/features/operations/backup-file');
      const checked = await checkBackupFile(partial);
      fs.renameSync(partial, file);
      return checked;
    } finally {
      fs.rmSync(partial, { force: true });
    }
  } finally {
    await call(`${base}/api/auth/logout`, {
      method: 'POST',
      headers: { cookie, 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
      body: '{}',
    }).catch(() => undefined);
  }
}
