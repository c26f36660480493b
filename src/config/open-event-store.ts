import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore } from '../core/event-store/event-store.port';
import { MemoryEventStore } from '../core/event-store/memory-event-store';
import { SqliteEventStore } from '../core/event-store/sqlite-event-store';
import { ConfigError, LedgerConfig, SQLITE_FILE_NAME } from './ledger-config';

/** Opens the backend the configuration names; the SQLite file and its folder are created on first use. */
export function openEventStore(config: LedgerConfig): EventStore {
  switch (config.eventStore) {
    case 'memory':
      return new MemoryEventStore();
    case 'sqlite': {
      try {
        mkdirSync(config.dataDir, { recursive: true });
      } catch (error) {
        throw new ConfigError(`LEDGER_DATA_DIR ${config.dataDir} cannot be created: ${(error as Error).message}`);
      }
      return new SqliteEventStore({ file: join(config.dataDir, SQLITE_FILE_NAME), synchronous: config.sqliteSynchronous });
    }
  }
}
