import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { SqliteReadStore } from '../core/projection/read-store';
import { LedgerConfig } from './ledger-config';

export const READ_STORE_FILE_NAME = 'readmodels.sqlite';

/**
 * Read models live in their own SQLite file beside the log (whatever the log's backend), so that folding them
 * never holds the log's write lock; with the memory backend they stay in memory too.
 */
export function openReadStore(config: LedgerConfig): SqliteReadStore {
  if (config.eventStore === 'memory') return new SqliteReadStore(':memory:');
  mkdirSync(config.dataDir, { recursive: true });
  return new SqliteReadStore(join(config.dataDir, READ_STORE_FILE_NAME));
}
