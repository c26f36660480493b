/** Where CLI commands write; tests capture it instead of the process's streams. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
}

export const processIo: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** A failure the operator can act on: printed as a sentence, without a stack, with a non-zero exit. */
export class CliError extends Error {}
