// jixiao serve [--port N] — run the web app and API (same as npm start, without building the UI).
import type { Command } from 'commander';

export function registerServeCommand(program: Command): void {
  program
    .command('serve')
    .description('启动网页与 API 服务 / run the web app and API')
    .option('--port <port>', '端口 / port (默认 PORT 或 3000)')
    .action(async (opts: { port?: string }) => {
      const { loadConfig, startServer } = await import('@jixiao/server');
      const config = loadConfig({ ...process.env, ...(opts.port ? { PORT: opts.port } : {}) });
      const { close } = await startServer(config);
      await new Promise<void>((resolve) => {
        const stop = (): void => {
          void close().then(resolve);
        };
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
    });
}
