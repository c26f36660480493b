import { Command, CommanderError } from 'commander';
import { inspect } from 'node:util';
import { ConfigError } from '../config/ledger-config';
import { CliError, CliIo } from './cli-io';
import { copyCommand } from './copy.command';
import { digestCommand, proofCommand, verifyCommand, verifyProofCommand } from './ledger-proof.commands';
import { keysCommand } from './keys.command';
import { generateCommand } from './generate.command';
import { reportCommand } from './report.command';
import { seedCommand } from './seed.command';
import { rebuildCommand } from './rebuild.command';
import { snapshotsCommand } from './snapshots.command';
import { statsCommand } from './stats.command';

/** Runs the `ledger` command line and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const output = { writeOut: (text: string) => io.out(text.trimEnd()), writeErr: (text: string) => io.err(text.trimEnd()) };
  const program = new Command('ledger')
    .description('operator commands for the reform ledger')
    .exitOverride()
    .configureOutput(output)
    .addCommand(statsCommand(io))
    .addCommand(rebuildCommand(io))
    .addCommand(copyCommand(io))
    .addCommand(snapshotsCommand(io))
    .addCommand(keysCommand(io))
    .addCommand(verifyCommand(io))
    .addCommand(digestCommand(io))
    .addCommand(proofCommand(io))
    .addCommand(verifyProofCommand(io))
    .addCommand(seedCommand(io))
    .addCommand(generateCommand(io))
    .addCommand(reportCommand(io));
  // Subcommands added whole do not inherit these: their usage errors must reach the same output and exit code.
  const inherit = (command: Command): void => {
    command.exitOverride().configureOutput(output);
    command.commands.forEach(inherit);
  };
  program.commands.forEach(inherit);
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError || error instanceof ConfigError) {
      io.err(`ledger: ${error.message}`);
      return 1;
    }
    // Not String(): a thrown object that is not an Error would print as [object Object].
    io.err(`ledger: ${error instanceof Error ? (error.stack ?? error.message) : inspect(error)}`);
    return 1;
  }
}
