import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/ledger-config';
import { CliError, CliIo } from './cli-io';
import { rebuildCommand } from './rebuild.command';
import { statsCommand } from './stats.command';

/** Runs the `ledger` command line and returns its exit code; never throws. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const program = new Command('ledger')
    .description('operator commands for the reform ledger')
    .exitOverride()
    .configureOutput({ writeOut: (text) => io.out(text.trimEnd()), writeErr: (text) => io.err(text.trimEnd()) })
    .addCommand(statsCommand(io))
    .addCommand(rebuildCommand(io));
  program.commands.forEach((command) => command.exitOverride());
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    if (error instanceof CliError || error instanceof ConfigError) {
      io.err(`ledger: ${error.message}`);
      return 1;
    }
    io.err(`ledger: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    return 1;
  }
}
