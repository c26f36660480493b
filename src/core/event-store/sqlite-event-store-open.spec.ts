import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anEvent } from '../../../test/support/event-factory';
import { SqliteEventStore } from './sqlite-event-store';

describe('opening the SQLite event store', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ledger-open-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('opens a file already at its schema without writing, while another process holds the write lock', async () => {
    const file = join(dir, 'events.sqlite');
    const first = new SqliteEventStore({ file });
    await first.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: [anEvent(1)] });
    await first.close();

    // Another process in the middle of a write (the service committing, a rebuild worker opening): an open that
    // wrote would wait for it, or fail at once with SQLITE_BUSY_SNAPSHOT had it begun reading before that write.
    const writer = new Database(file);
    writer.exec('BEGIN IMMEDIATE');
    try {
      const started = Date.now();
      const second = new SqliteEventStore({ file });
      expect(Date.now() - started).toBeLessThan(1000);
      expect((await second.readStream('s-1')).map((e) => e.data)).toEqual([{ marker: 1 }]);
      await second.close();
    } finally {
      writer.exec('ROLLBACK');
      writer.close();
    }
  });
});
