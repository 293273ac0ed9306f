// Test helper: an HTTP client over app.request() that signs in like a browser (cookies + CSRF header).
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './app-env.ts';

export interface TestResponse {
  status: number;
  body: unknown;
  text: string;
  headers: Headers;
}

export class TestClient {
  cookies = new Map<string, string>();
  csrf = '';

  constructor(private readonly app: OpenAPIHono<AppEnv>) {}

  private absorb(res: Response): void {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair!.indexOf('=');
      const name = pair!.slice(0, i);
      const value = pair!.slice(i + 1);
      if (/Max-Age=0/i.test(c) || value === '') {
        this.cookies.delete(name);
      } else {
        this.cookies.set(name, value);
      }
    }
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(
    method: string,
    path: string,
    body?: unknown,
    options: { csrf?: string | null; headers?: Record<string, string> } = {},
  ): Promise<TestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) {
      headers['cookie'] = this.cookieHeader();
    }
    const csrf = options.csrf === undefined ? this.csrf : options.csrf;
    if (method !== 'GET' && csrf) {
      headers['x-csrf-token'] = csrf;
    }
    let payload: string | undefined;
    if (body !== undefined) {
      headers['content-type'] = 'application/json';
      payload = typeof body === 'string' ? body : JSON.stringify(body);
    }
    const res = await this.app.request(path, {
      method,
      headers,
      ...(payload !== undefined ? { body: payload } : {}),
    });
    this.absorb(res);
    const text = await res.text();
    let parsed: unknown = null;
    try {
      parsed = text ? (JSON.parse(text) as unknown) : null;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed, text, headers: res.headers };
  }

  get(path: string): Promise<TestResponse> {
    return this.request('GET', path);
  }

  post(path: string, body: unknown = {}): Promise<TestResponse> {
    return this.request('POST', path, body);
  }

  put(path: string, body: unknown): Promise<TestResponse> {
    return this.request('PUT', path, body);
  }

  async login(username: string, password: string): Promise<TestResponse> {
    const res = await this.request(
      'POST',
      '/api/auth/login',
      { username, password },
      { csrf: null },
    );
    if (res.status === 200) {
      this.csrf = (res.body as { csrfToken: string }).csrfToken;
    }
    return res;
  }
}

/** The error body every 4xx carries. */
export function errorOf(r: TestResponse): {
  code: string;
  message: string;
  messageEn: string;
  details?: unknown;
} {
  return (
    r.body as { error: { code: string; message: string; messageEn: string; details?: unknown } }
  ).error;
}

/** Re-hash the demo accounts' passwords at a low scrypt cost, so tests that sign in often stay fast. */
export async function fastDemoPasswords(db: import('../db/open-db.ts').Db): Promise<void> {
  const { DEMO_ACCOUNTS } = await import('../demo/demo-accounts.ts');
  const { hashPassword } = await import('../auth/password.ts');
  const { users } = await import('../db/schema/users.ts');
  const { eq } = await import('drizzle-orm');
  const { fixtureWrite } = await import('../db/test-db.ts');
  const hashes = await Promise.all(DEMO_ACCOUNTS.map((a) => hashPassword(a.password, 8)));
  await fixtureWrite(db, 'fast demo passwords', async (tx) => {
    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      await tx
        .update(users)
        .set({ passwordHash: hashes[i]! })
        .where(eq(users.username, a.username));
    }
  });
}
