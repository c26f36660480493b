/** Where CLI commands write; tests capture it instead of the process's streams. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /**
   * Whether stderr is a terminal (default: not): progress is then drawn as a bar redrawn in place on `terminal`; otherwise (a pipe,
   * a log file, CI) it is printed as plain lines through `err`.
   */
  readonly isTerminal?: boolean;
  /** The terminal a progress bar draws on; stderr for the process. */
  readonly terminal?: NodeJS.WritableStream;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  isTerminal: process.stderr.isTTY === true,
  terminal: process.stderr,
};

/** A failure the operator can act on: printed as a sentence, without a stack, with a non-zero exit. */
export class CliError extends Error {}
