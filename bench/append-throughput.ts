import { join } from 'node:path';
import Database from 'better-sqlite3';
import { StreamAppend } from '../src/core/event-store/event-store.port';
import { SqliteEventStore } from '../src/core/event-store/sqlite-event-store';
import { SyntheticLog } from './synthetic-log';

const NO_HASH = '0'.repeat(64);

export interface AppendThroughput {
  readonly events: number;
  readonly portSeconds: number;
  readonly rawSeconds: number;
}

/**
 * Batched appends (decision-sized, about 500 events across as many streams) through the EventStore port, against the
 * same rows inserted straight into a table with the very same schema and indexes: the limit of the hardware and
 * SQLite. Both use synchronous=FULL, the service's default. The two alternate batch by batch, so disk and cache
 * conditions are shared, and only the write itself is timed (not generating the batch).
 */
export async function measureAppends(dir: string, total: number): Promise<AppendThroughput> {
  const port = new SqliteEventStore({ file: join(dir, 'append-port.sqlite'), synchronous: 'FULL' });
  const raw = new RawInserts(join(dir, 'append-raw.sqlite'), join(dir, 'append-port.sqlite'));

  const log = new SyntheticLog(total);
  let events = 0;
  let portMs = 0;
  let rawMs = 0;
  try {
    for (let batch = 0; events < total; batch += 1) {
      const appends = log.nextBatch(Math.min(500, total - events));
      const timePort = async () => {
        const started = performance.now();
        await port.appendToStreams(appends);
        portMs += performance.now() - started;
      };
      const timeRaw = () => {
        const started = performance.now();
        raw.write(appends);
        rawMs += performance.now() - started;
      };
      if (batch % 2 === 0) (await timePort(), timeRaw());
      else (timeRaw(), await timePort());
      events += appends.reduce((sum, a) => sum + a.events.length, 0);
    }
  } finally {
    await port.close();
    raw.close();
  }
  return { events, portSeconds: portMs / 1000, rawSeconds: rawMs / 1000 };
}

/**
 * The limit of an append: the same rows inserted straight into a table with the very same schema and indexes as the
 * adapter's, in one transaction per call, with synchronous=FULL like the service.
 */
export class RawInserts {
  private readonly db: Database.Database;
  private readonly insertAll: (appends: readonly StreamAppend[]) => void;

  /** @param schemaFrom a file the adapter has created, whose events table is copied, indexes and triggers included */
  constructor(file: string, schemaFrom: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(schemaOf(schemaFrom));
    const insert = this.db.prepare(
      'INSERT INTO events (event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    this.insertAll = this.db.transaction((appends: readonly StreamAppend[]) => {
      const recordedAt = new Date().toISOString();
      for (const append of appends) {
        let revision = typeof append.expectedRevision === 'number' ? append.expectedRevision : -1;
        for (const event of append.events) {
          // The hash column is filled but not computed: the limit is the storage, the chain's SHA-256 is the port's cost.
          insert.run(event.id, append.streamId, ++revision, event.type, event.schemaVersion, JSON.stringify(event.data), JSON.stringify(event.metadata), recordedAt, NO_HASH);
        }
      }
    });
  }

  write(appends: readonly StreamAppend[]): void {
    this.insertAll(appends);
  }

  close(): void {
    this.db.close();
  }
}

/** The events table as the adapter created it, indexes and triggers included, read back from its own file. */
function schemaOf(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    return db
      .prepare<[], { sql: string }>("SELECT sql FROM sqlite_master WHERE tbl_name = 'events' AND sql IS NOT NULL ORDER BY type = 'table' DESC")
      .all()
      .map((row) => `${row.sql};`)
      .join('\n');
  } finally {
    db.close();
  }
}
