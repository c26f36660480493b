import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, LedgerConfig, SQLITE_FILE_NAME } from '../config/ledger-config';
import { openEventStore } from '../config/open-event-store';
import { EventStore } from '../core/event-store/event-store.port';
import { CliError } from './cli-io';

/**
 * Opens the ledger the operator points at (LEDGER_DATA_DIR, or --data-dir), runs `work` and closes it.
 * Reading must not create an empty ledger where the operator mistyped the folder.
 */
export async function withLedger<T>(dataDir: string | undefined, work: (store: EventStore, config: LedgerConfig) => Promise<T>): Promise<T> {
  const config = loadConfig({ ...process.env, ...(dataDir && { LEDGER_DATA_DIR: dataDir }) });
  const file = join(config.dataDir, SQLITE_FILE_NAME);
  if (config.eventStore === 'sqlite' && !existsSync(file)) {
    throw new CliError(`no ledger at ${file}; set LEDGER_DATA_DIR or pass --data-dir`);
  }
  const store = await openEventStore(config);
  try {
    return await work(store, config);
  } finally {
    await store.close();
  }
}
