// docs/deployment.md, tested as far as this machine allows. systemd does not run here: the units in deploy/ are
// linted (systemd-analyze verify when present — shown to catch a bad key — and always a check of the keys they
// need). nginx from Debian runs unprivileged on loopback with deploy/nginx-jixiao.conf (ports, certificate and
// upstream rewritten) and a self-signed certificate from openssl, in front of the real server started with
// JIXIAO_TRUST_PROXY=1: over TLS every response carries the security headers and HSTS, the session cookie is
// Secure, readiness answers, and plain http redirects to https.
import { execFileSync, spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import https from 'node:https';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '@jixiao/server/auth/sessions';
import { ROOT, freePort, startServer, type RunningServer } from './harness.ts';

const DEPLOY = path.join(ROOT, 'deploy');
const UNITS = ['jixiao.service', 'jixiao-backup.service', 'jixiao-backup.timer'];
const NGINX = ['/usr/sbin/nginx', '/usr/bin/nginx'].find((p) => fs.existsSync(p));
const SYSTEMD_ANALYZE = ['/usr/bin/systemd-analyze', '/bin/systemd-analyze'].find((p) =>
  fs.existsSync(p),
);
const PASSWORD = 'Deploy-Drill-2026-Haizhu!';

/** [section] → key → values, as systemd reads a unit file (comments and blank lines skipped). */
function parseUnit(text: string): Map<string, Map<string, string[]>> {
  const sections = new Map<string, Map<string, string[]>>();
  let current: Map<string, string[]> | null = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) {
      continue;
    }
    const section = /^\[(\w+)\]$/.exec(line);
    if (section) {
      current = new Map();
      sections.set(section[1]!, current);
      continue;
    }
    const kv = /^(\w+)=(.*)$/.exec(line);
    expect(kv, `unit line: ${line}`).not.toBeNull();
    expect(current, `key outside a section: ${line}`).not.toBeNull();
    current!.set(kv![1]!, [...(current!.get(kv![1]!) ?? []), kv![2]!]);
  }
  return sections;
}

describe('deploy/ systemd units', () => {
  it('have the keys they need, and name files the checkout has', () => {
    const units = new Map(
      UNITS.map((u) => [u, parseUnit(fs.readFileSync(path.join(DEPLOY, u), 'utf8'))]),
    );
    const server = units.get('jixiao.service')!;
    expect(server.get('Service')?.get('ExecStart')).toEqual([
      '/usr/bin/node --import tsx packages/server/src/main.ts',
    ]);
    expect(fs.existsSync(path.join(ROOT, 'packages/server/src/main.ts'))).toBe(true);
    for (const key of ['User', 'WorkingDirectory', 'EnvironmentFile', 'Restart']) {
      expect(server.get('Service')?.has(key), key).toBe(true);
    }
    expect(server.get('Install')?.get('WantedBy')).toEqual(['multi-user.target']);
    const backup = units.get('jixiao-backup.service')!;
    expect(backup.get('Service')?.get('Type')).toEqual(['oneshot']);
    expect(backup.get('Service')?.get('ExecStart')?.[0]).toContain('deploy/jixiao-backup.sh');
    expect(fs.existsSync(path.join(DEPLOY, 'jixiao-backup.sh'))).toBe(true);
    const timer = units.get('jixiao-backup.timer')!;
    expect(timer.get('Timer')?.has('OnCalendar')).toBe(true);
    expect(timer.get('Timer')?.get('Persistent')).toEqual(['true']);
    expect(timer.get('Install')?.get('WantedBy')).toEqual(['timers.target']);
  });

  it.runIf(SYSTEMD_ANALYZE)('pass systemd-analyze verify (which does catch a bad key)', () => {
    for (const unit of UNITS) {
      const r = spawnSync(SYSTEMD_ANALYZE!, ['verify', path.join(DEPLOY, unit)], {
        encoding: 'utf8',
      });
      expect(`${r.stdout}${r.stderr}`.trim(), unit).toBe('');
      expect(r.status, unit).toBe(0);
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-unit-'));
    try {
      const broken = path.join(dir, 'jixiao.service');
      fs.writeFileSync(
        broken,
        fs
          .readFileSync(path.join(DEPLOY, 'jixiao.service'), 'utf8')
          .replace('Restart=on-failure', 'Restart=on-failure\nRestartz=always'),
      );
      const r = spawnSync(SYSTEMD_ANALYZE!, ['verify', broken], { encoding: 'utf8' });
      expect(`${r.stdout}${r.stderr}`).toMatch(/Restartz/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  url: string,
  ca: string,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<Answer> {
  const lib = url.startsWith('https:') ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(
      url,
      {
        method: options.method ?? 'GET',
        headers: options.headers,
        ...(url.startsWith('https:') ? { ca } : {}),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (d: string) => (body += d));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

/** deploy/nginx-jixiao.conf with ports, certificate, logs and upstream moved into `dir`; each rewrite must hit. */
function siteConf(dir: string, ports: { https: number; http: number; app: number }): string {
  let text = fs.readFileSync(path.join(DEPLOY, 'nginx-jixiao.conf'), 'utf8');
  const rewrites: [RegExp, string][] = [
    [/listen 80;\n\s*listen \[::\]:80;/, `listen 127.0.0.1:${ports.http};`],
    [
      /listen 443 ssl http2;\n\s*listen \[::\]:443 ssl http2;/,
      `listen 127.0.0.1:${ports.https} ssl http2;`,
    ],
    [/\/etc\/ssl\/jixiao\/fullchain\.pem/, path.join(dir, 'cert.pem')],
    [/\/etc\/ssl\/jixiao\/privkey\.pem/, path.join(dir, 'key.pem')],
    [/\/var\/log\/nginx\/jixiao\.access\.log/, path.join(dir, 'access.log')],
    [/\/var\/log\/nginx\/jixiao\.error\.log/, path.join(dir, 'error.log')],
    [/http:\/\/127\.0\.0\.1:3000/, `http://127.0.0.1:${ports.app}`],
  ];
  for (const [pattern, replacement] of rewrites) {
    expect(pattern.test(text), `nginx-jixiao.conf has ${String(pattern)}`).toBe(true);
    text = text.replace(pattern, replacement);
  }
  return text;
}

function mainConf(dir: string): string {
  const tmp = (name: string) => path.join(dir, name);
  return `daemon off;
master_process off;
worker_processes 1;
pid ${tmp('nginx.pid')};
error_log ${tmp('error.log')} warn;
events { worker_connections 64; }
http {
  access_log ${tmp('access.log')};
  client_body_temp_path ${tmp('client_body')};
  proxy_temp_path ${tmp('proxy')};
  fastcgi_temp_path ${tmp('fastcgi')};
  uwsgi_temp_path ${tmp('uwsgi')};
  scgi_temp_path ${tmp('scgi')};
  include ${tmp('site.conf')};
}
`;
}

async function waitForPort(url: string, ca: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      await request(url, ca);
      return;
    } catch (e) {
      if (child.exitCode !== null || Date.now() > deadline) {
        throw e;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

describe.runIf(NGINX)('nginx with TLS in front of the server (deploy/nginx-jixiao.conf)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jixiao-nginx-'));
  let server: RunningServer;
  let nginx: ChildProcess | null = null;
  let ca = '';
  let base = '';
  let plain = '';

  beforeAll(async () => {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-days',
        '2',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1,DNS:localhost',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    ca = fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8');
    server = await startServer({
      env: { JIXIAO_DEMO: '0', JIXIAO_TRUST_PROXY: '1', JIXIAO_ADMIN_PASSWORD: PASSWORD },
    });
    const ports = { https: await freePort(), http: await freePort(), app: server.port };
    fs.writeFileSync(path.join(dir, 'site.conf'), siteConf(dir, ports));
    fs.writeFileSync(path.join(dir, 'nginx.conf'), mainConf(dir));
    const check = spawnSync(
      NGINX!,
      ['-t', '-e', path.join(dir, 'error.log'), '-p', dir, '-c', path.join(dir, 'nginx.conf')],
      {
        encoding: 'utf8',
      },
    );
    expect(check.status, check.stderr).toBe(0);
    nginx = spawn(
      NGINX!,
      ['-e', path.join(dir, 'error.log'), '-p', dir, '-c', path.join(dir, 'nginx.conf')],
      { stdio: 'ignore' },
    );
    base = `https://127.0.0.1:${ports.https}`;
    plain = `http://127.0.0.1:${ports.http}`;
    await waitForPort(`${base}/api/health`, ca, nginx);
  }, 300_000);

  afterAll(async () => {
    if (nginx && nginx.exitCode === null) {
      const exited = new Promise((r) => nginx!.once('exit', r));
      nginx.kill('SIGQUIT');
      await exited;
    }
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('every answer over TLS carries the security headers and HSTS', async () => {
    for (const p of ['/', '/api/health', '/api/health/ready', '/api/auth/me']) {
      const r = await request(`${base}${p}`, ca);
      expect(r.headers['strict-transport-security'], p).toMatch(/max-age=\d{7,}/);
      expect(r.headers['content-security-policy'], p).toContain("frame-ancestors 'none'");
      expect(r.headers['x-frame-options'], p).toBe('DENY');
      expect(r.headers['x-content-type-options'], p).toBe('nosniff');
      expect(r.headers['referrer-policy'], p).toBe('no-referrer');
      expect(r.headers['server'], p).toBe('nginx'); // server_tokens off: no version
    }
    const ready = await request(`${base}/api/health/ready`, ca);
    expect(ready.status).toBe(200);
    expect(JSON.parse(ready.body)).toMatchObject({ ok: true, schemaCurrent: true });
  });

  it('cookies set through the proxy are Secure and SameSite; the session cookie HttpOnly', async () => {
    const r = await request(`${base}/api/auth/login`, ca, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: PASSWORD }),
    });
    expect(r.status, r.body).toBe(200);
    const cookies = r.headers['set-cookie'] ?? [];
    expect(cookies.length).toBeGreaterThan(0);
    for (const c of cookies) {
      expect(c).toMatch(/;\s*Secure/i);
      expect(c).toMatch(/;\s*SameSite=(Lax|Strict)/i);
    }
    // The session cookie is out of scripts' reach (the CSRF cookie is read by the web app on purpose).
    const session = cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(r.headers['cache-control']).toContain('no-store');
  });

  it('plain http is redirected to https', async () => {
    const r = await request(`${plain}/api/health`, ca, {
      headers: { host: 'jixiao.example.gov.cn' },
    });
    expect(r.status).toBe(301);
    expect(r.headers['location']).toBe('https://jixiao.example.gov.cn/api/health');
  });
});
