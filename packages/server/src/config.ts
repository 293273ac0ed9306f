// One validated, typed configuration object, built at start from the environment and passed down.
import path from 'node:path';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Address to listen on: loopback by default with the embedded database, all addresses with PostgreSQL. */
  HOST: z.string().min(1).optional(),
  JIXIAO_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres://')
    .optional(),
  /** Load the haizhu-2023 demo into an empty database on start (default on). */
  JIXIAO_DEMO: z.enum(['0', '1', 'true', 'false']).default('1'),
  /** First administrator's password; printed once when generated. */
  JIXIAO_ADMIN_PASSWORD: z.string().min(12).optional(),
  /** Session lifetime in hours. */
  JIXIAO_SESSION_HOURS: z.coerce.number().positive().default(8),
  /** Mark cookies Secure (behind HTTPS). */
  JIXIAO_SECURE_COOKIES: z.enum(['0', '1']).default('0'),
  /** Trust X-Forwarded-Proto from a reverse proxy in front (nginx with TLS). */
  JIXIAO_TRUST_PROXY: z.enum(['0', '1']).default('0'),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | null;
  loadDemo: boolean;
  adminPassword: string | null;
  sessionHours: number;
  secureCookies: boolean;
  trustProxy: boolean;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`配置错误 Invalid configuration: ${issues}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST ?? (e.DATABASE_URL ? '0.0.0.0' : '127.0.0.1'),
    dataDir: path.resolve(e.JIXIAO_DATA_DIR),
    databaseUrl: e.DATABASE_URL ?? null,
    loadDemo: e.JIXIAO_DEMO === '1' || e.JIXIAO_DEMO === 'true',
    adminPassword: e.JIXIAO_ADMIN_PASSWORD ?? null,
    sessionHours: e.JIXIAO_SESSION_HOURS,
    secureCookies: e.JIXIAO_SECURE_COOKIES === '1',
    trustProxy: e.JIXIAO_TRUST_PROXY === '1',
  };
}
