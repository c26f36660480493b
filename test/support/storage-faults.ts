import Database from 'better-sqlite3';
import { EventStore } from '../../src/core/event-store/event-store.port';
import { SqliteEventStore } from '../../src/core/event-store/sqlite-event-store';

/** A fault of the disk under the SQLite event store, put on and taken off while the service runs. */
export interface StorageFault {
  readonly name: string;
  /** The SQLite result code the service should name in its answer. */
  readonly code: string;
  apply(db: Database.Database): void;
  remove(db: Database.Database): void;
}

/**
 * The service's own connection to its event store file. Faults are PRAGMAs, which bind only the connection that
 * sets them, so they must be set on this one: the test reaches past the store's privacy for that alone.
 */
export function eventStoreConnection(store: EventStore): Database.Database {
  if (!(store instanceof SqliteEventStore)) throw new Error('storage faults need the SQLite event store');
  return (store as unknown as { db: Database.Database }).db;
}

/**
 * Tests run as root here, where a read-only file or folder does not stop writes, and a connection already open is
 * not stopped by a chmod anyway: SQLite's own limits stand in for the disk. `max_page_count` at the current size
 * is a disk with no room left (SQLITE_FULL); `query_only` is a file that may not be written (SQLITE_READONLY).
 */
export const STORAGE_FAULTS: readonly StorageFault[] = [
  {
    name: 'is full',
    code: 'SQLITE_FULL',
    apply: (db) => void db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true }) as number}`),
    remove: (db) => void db.pragma('max_page_count = 1073741823'),
  },
  {
    name: 'is read-only',
    code: 'SQLITE_READONLY',
    apply: (db) => void db.pragma('query_only = ON'),
    remove: (db) => void db.pragma('query_only = OFF'),
  },
];
