// The real server as a child process for the load and soak benches: the demo in the given data directory (embedded
// PGlite), or on the PostgreSQL database at `pgUrl`, on a free loopback port; resolved once /api/health answers.
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export interface BenchServer {
  url: string;
  pid: number;
  /** Stops the server (SIGTERM) and waits for it; the data directory is the caller's. */
  stop: () => Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function startBenchServer(
  dataDir: string,
  pgUrl: string | null = null,
): Promise<BenchServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: '127.0.0.1' };
  Object.assign(env, { JIXIAO_DATA_DIR: dataDir, JIXIAO_DEMO: '1' });
  delete env['DATABASE_URL'];
  if (pgUrl) {
    env['DATABASE_URL'] = pgUrl;
  }
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: ROOT,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (b: Buffer) => {
    stderr = (stderr + b.toString()).slice(-2000); // the tail, told when the server does not come up
  });
  const url = `http://127.0.0.1:${port}`;
  const stop = async (): Promise<void> => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  };
  for (let i = 0; i < 1200 && child.exitCode === null; i += 1) {
    const up = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) {
      return { url, pid: child.pid!, stop };
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  await stop();
  throw new Error(`the server did not start within 300 s: ${stderr}`);
}
