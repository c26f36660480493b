import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { EventStore } from '../core/event-store/event-store.port';
import { MemoryEventStore } from '../core/event-store/memory-event-store';
import { SqliteEventStore } from '../core/event-store/sqlite-event-store';
import { ConfigError, LedgerConfig, redactPassword, SQLITE_FILE_NAME } from './ledger-config';

/** How long start-up waits for EventStoreDB before giving up with a message, rather than hanging. */
export const EVENTSTORE_OPEN_TIMEOUT_MS = 5000;

export interface EventStoreTuning {
  /** SQLite: how often subscriptions look for events appended by other connections. */
  readonly pollIntervalMs?: number;
}

/** Opens the backend the configuration names; the SQLite file and its folder are created on first use. */
export async function openEventStore(config: LedgerConfig, tuning: EventStoreTuning = {}): Promise<EventStore> {
  switch (config.eventStore) {
    case 'memory':
      return new MemoryEventStore();
    case 'esdb':
      return openEventStoreDb(config.eventStoreConnectionString!);
    case 'sqlite': {
      try {
        mkdirSync(config.dataDir, { recursive: true });
      } catch (error) {
        throw new ConfigError(`LEDGER_DATA_DIR ${config.dataDir} cannot be created: ${(error as Error).message}`);
      }
      return new SqliteEventStore({ file: join(config.dataDir, SQLITE_FILE_NAME), synchronous: config.sqliteSynchronous, pollIntervalMs: tuning.pollIntervalMs });
    }
  }
}

async function openEventStoreDb(connectionString: string): Promise<EventStore> {
  const where = redactPassword(connectionString);
  try {
    // Loaded only here: the gRPC client takes about 0.3 s to load, which every CLI command and projection worker on
    // SQLite would otherwise pay for nothing.
    const { EsdbEventStore } = await import('../core/event-store/esdb-event-store');
    return await EsdbEventStore.open({ connectionString, openTimeoutMs: EVENTSTORE_OPEN_TIMEOUT_MS });
  } catch (error) {
    throw new ConfigError(
      `EventStoreDB at ${where} cannot be used: ${(error as Error).message}. ` +
        'Is the server running (`docker compose up eventstore`)? Check EVENTSTORE_CONNECTION_STRING.',
    );
  }
}
