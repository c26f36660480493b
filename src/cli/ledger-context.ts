import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppModule } from '../app.module';
import { CliError } from './cli-io';
import { cliConfig } from './open-ledger';

export interface LedgerContextOptions {
  readonly dataDir?: string;
  /** Commands that only read refuse a folder without a ledger rather than create an empty one there. */
  readonly mustExist: boolean;
}

/**
 * Runs a CLI command inside the application without its HTTP server: the same modules, command handlers and read
 * models as the service, on the configured store, closed again when the command is done. A command is short: its
 * projections are folded in its own thread, without a worker to start.
 */
export async function withLedger<T>(options: LedgerContextOptions, run: (app: INestApplicationContext) => Promise<T>): Promise<T> {
  const config = cliConfig(options.dataDir, options.mustExist);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ config, projectionsInThisThread: true }), { logger: false });
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}

/** Commander hands options over as text: whole numbers are checked here, with the option named. */
export function wholeNumber(name: string, raw: string | undefined, min: number, max: number): number {
  const value = Number(raw);
  if (raw === undefined || !/^-?\d+$/.test(raw.trim()) || value < min || value > max) {
    throw new CliError(`${name} must be a whole number from ${min} to ${max}, got "${raw ?? ''}"`);
  }
  return value;
}
