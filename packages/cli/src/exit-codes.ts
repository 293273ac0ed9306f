// Exit codes shared by every command: 0 done, 2 the input is invalid, 1 anything else.
export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_INVALID = 2;

/** An error the user caused: printed as one line, exit code 2 (or given). Never a stack trace. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = EXIT_INVALID,
  ) {
    super(message);
  }
}
