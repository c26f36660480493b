import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, LedgerConfig, SQLITE_FILE_NAME } from '../config/ledger-config';
import { openEventStore } from '../config/open-event-store';
import { EventStore } from '../core/event-store/event-store.port';
import { CliError } from './cli-io';

/** The option every command that opens a ledger takes. */
export const dataDirOption = ['--data-dir <dir>', 'folder of the ledger (default: LEDGER_DATA_DIR or ./data)'] as const;

/**
 * The configuration a CLI command runs with: the environment, --data-dir over LEDGER_DATA_DIR, and never seeding
 * (only `ledger seed` seeds). Commands that only read refuse a folder without a ledger rather than create an empty
 * one where the operator mistyped it.
 */
export function cliConfig(dataDir: string | undefined, mustExist: boolean): LedgerConfig {
  const config = loadConfig({ ...process.env, LEDGER_SEED_ON_START: 'false', ...(dataDir && { LEDGER_DATA_DIR: dataDir }) });
  const file = join(config.dataDir, SQLITE_FILE_NAME);
  if (mustExist && config.eventStore === 'sqlite' && !existsSync(file)) {
    throw new CliError(`no ledger at ${file}; set LEDGER_DATA_DIR or pass --data-dir`);
  }
  return config;
}

/** Opens just the event store of an existing ledger, runs `work` and closes it: for commands that need no more. */
export async function withEventStore<T>(dataDir: string | undefined, work: (store: EventStore, config: LedgerConfig) => Promise<T>): Promise<T> {
  const config = cliConfig(dataDir, true);
  const store = await openEventStore(config);
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}
