import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { LedgerConfig, loadConfig, SQLITE_FILE_NAME } from '../config/ledger-config';
import { CliError } from './cli-io';

/**
 * The configuration of a command working on a ledger that must already exist: `--data-dir` over LEDGER_DATA_DIR.
 * Refuses a folder without a SQLite ledger, so that a mistyped folder does not get an empty ledger created in it.
 */
export function existingLedger(dataDir: string | undefined): LedgerConfig {
  const config = loadConfig({ ...process.env, ...(dataDir && { LEDGER_DATA_DIR: dataDir }) });
  const file = join(config.dataDir, SQLITE_FILE_NAME);
  if (config.eventStore === 'sqlite' && !existsSync(file)) {
    throw new CliError(`no ledger at ${file}; set LEDGER_DATA_DIR or pass --data-dir`);
  }
  return config;
}
