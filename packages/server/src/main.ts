// Server entry: loadConfig → open + migrate the database → (demo) → serve on PORT.
import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { loadConfig, type Config } from './config.ts';
import { bootstrapDb } from './db/bootstrap.ts';
import { runStartupTasks } from './features/accounts/first-admin.ts';
import { closeOffloadPool, prestartOffload } from './offload/offload.ts';
import { collectGarbage } from './runtime/collect-garbage.ts';
import { idleCollector, type IdleCollector } from './runtime/idle-collector.ts';
import { WARM_WORKERS } from './warm-workers.ts';

/**
 * Serves the app. The start-up's garbage (migrations, the demo load) is collected first, and a burst's once the
 * server falls quiet: V8 alone would keep it resident while idle (runtime/idle-collector.ts).
 */
function listen(
  app: ReturnType<typeof createApp>,
  config: Config,
): { server: ReturnType<typeof serve>; idle: IdleCollector } {
  collectGarbage();
  const idle = idleCollector();
  const server = serve({
    fetch: (req, env) => {
      idle.touch();
      return app.fetch(req, env);
    },
    port: config.port,
    hostname: config.host,
  });
  return { server, idle };
}

export async function startServer(
  config: Config = loadConfig(),
): Promise<{ close: () => Promise<void>; url: string }> {
  const { database, migrationsApplied, demoLoaded } = await bootstrapDb(
    config,
    `服务器 server http://localhost:${config.port}`,
  );
  const log = (s: string): void => {
    process.stdout.write(`${s}\n`);
  };
  log(
    `[jixiao] 数据库 database: ${config.databaseUrl ? 'PostgreSQL' : `PGlite (${config.dataDir})`}; 迁移 migrations applied: ${migrationsApplied}`,
  );
  if (demoLoaded) {
    log('[jixiao] 已载入演示数据 demo loaded: haizhu-2023 (广州市海珠区投资促进局)');
  }
  const deps = { database, config, now: () => new Date() };
  await runStartupTasks(deps, log);
  const { server, idle } = listen(createApp(deps), config);
  // A warm worker thread for the heavy work, so the first preview, overview, document or import starts none.
  prestartOffload(WARM_WORKERS);
  const url = `http://localhost:${config.port}`;
  log(`[jixiao] 已启动 listening on ${url}  (API 文档 docs: ${url}/api/docs)`);
  let closed = false;
  const close = async (): Promise<void> => {
    if (closed) {
      return;
    }
    closed = true;
    idle.stop();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await closeOffloadPool();
    await database.close();
  };
  return { close, url };
}

const isMain =
  process.argv[1] !== undefined && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'));
if (isMain) {
  try {
    const { close } = await startServer();
    const stop = (): void => {
      void close().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  } catch (e) {
    process.stderr.write(
      `[jixiao] 启动失败 failed to start: ${e instanceof Error ? e.message : String(e)}\n`,
    );
    process.exit(1);
  }
}
