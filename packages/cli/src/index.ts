// jixiao — the command line. One file per noun in commands/; this file only wires them.
import { Command, CommanderError } from 'commander';
import { isErrorCode, isInputError } from '@jixiao/core';
import { CliError, EXIT_FAILURE } from './exit-codes.ts';
import { printError, setLang, t } from './output.ts';
import { registerCommands } from './commands/registry.ts';

const program = new Command();
program
  .name('jixiao')
  .description(
    '绩效 Jixiao — 全过程预算绩效管理（Budget performance management）\n语言 Language: --lang zh|en 或 JIXIAO_LANG=en',
  )
  .option('--lang <lang>', '界面语言 zh | en (language)', 'zh')
  .hook('preAction', (cmd) => {
    const l = String(cmd.opts()['lang'] ?? 'zh');
    setLang(l.startsWith('en') ? 'en' : 'zh');
  })
  .showHelpAfterError()
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : 2;
  } else if (e instanceof CliError) {
    printError(e.message);
    process.exitCode = e.exitCode;
  } else if (isServiceError(e)) {
    printError(t({ zh: e.messageZh, en: e.messageEn }));
    process.exitCode = isErrorCode(e.code) && !isInputError(e.code) ? EXIT_FAILURE : 2;
  } else {
    const msg = e instanceof Error ? e.message : String(e);
    printError(`错误 Error: ${msg}`);
    process.exitCode = EXIT_FAILURE;
  }
}

/** A service error (from @jixiao/server) carries both languages' messages and a code. */
function isServiceError(e: unknown): e is { code: string; messageZh: string; messageEn: string } {
  return typeof e === 'object' && e !== null && 'messageZh' in e && 'messageEn' in e && 'code' in e;
}
