import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anEvent } from '../../../test/support/event-factory';
import { completeSubtrees } from '../../../test/support/merkle-reference';
import { eventStoreConnection } from '../../../test/support/storage-faults';
import { KEPT_SUBTREE_LEVEL } from '../ledger-hash/merkle-tree';
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

  describe('a file written by another version of the ledger', () => {
    const file = () => join(dir, 'events.sqlite');
    const events = (n: number) => Array.from({ length: n }, (_, i) => anEvent(i));
    const withFile = <T>(use: (db: Database.Database) => T): T => {
      const db = new Database(file());
      try {
        return use(db);
      } finally {
        db.close();
      }
    };

    it('without kept subtree roots, opens and verifies without writing, read-only too, and keeps them once it may', async () => {
      const store = new SqliteEventStore({ file: file() });
      await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: events(1_500) });
      await store.close();
      const tables = () => withFile((db) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all());
      const before = withFile((db) => db.prepare('SELECT * FROM events ORDER BY position').all());
      expect(tables()).toEqual(['events']);

      // A copy on read-only media: SQLite's query_only stands in for it (see storage-faults.ts).
      const reopened = new SqliteEventStore({ file: file() });
      const db = eventStoreConnection(reopened);
      db.pragma('query_only = ON');
      const prepared = jest.spyOn(db, 'prepare');
      expect(await reopened.integrity.verify()).toEqual({ ok: true, checked: 1_500, lastPosition: 1_500 });
      // The table is looked for once to read the walk's subtree roots, not once for each, and once to keep them.
      expect(prepared.mock.calls.filter(([sql]) => sql.includes('sqlite_master'))).toHaveLength(2);
      prepared.mockRestore();
      const root = await (await reopened.integrity.tree()).root();
      expect(tables()).toEqual(['events']);

      db.pragma('query_only = OFF');
      expect(await reopened.integrity.verify()).toEqual({ ok: true, checked: 1_500, lastPosition: 1_500 });
      expect(await (await reopened.integrity.tree()).root()).toBe(root);
      await reopened.close();
      withFile((db) => {
        expect(db.pragma('user_version', { simple: true })).toBe(2);
        expect(db.prepare('SELECT * FROM events ORDER BY position').all()).toEqual(before);
        expect(db.prepare('SELECT level, idx FROM subtree_roots ORDER BY level, idx').all()).toEqual(completeSubtrees(1_500, KEPT_SUBTREE_LEVEL));
      });
    });

    it('at schema 1, without hashes, is chained once in log order, and verifies', async () => {
      const store = new SqliteEventStore({ file: file() });
      await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: events(3) });
      await store.close();
      const hashes = withFile((db) => {
        const stored = db.prepare('SELECT hash FROM events ORDER BY position').pluck().all();
        // Schema 1: the same events table, no hash column.
        db.exec('DROP TRIGGER events_are_immutable; ALTER TABLE events DROP COLUMN hash');
        db.pragma('user_version = 1');
        return stored;
      });

      const reopened = new SqliteEventStore({ file: file() });
      expect(await reopened.integrity.verify()).toEqual({ ok: true, checked: 3, lastPosition: 3 });
      await reopened.close();
      withFile((db) => expect(db.prepare('SELECT hash FROM events ORDER BY position').pluck().all()).toEqual(hashes));
    });

    it('at a newer schema, is refused with a message that says so, and left as it was', async () => {
      await new SqliteEventStore({ file: file() }).close();
      withFile((db) => db.pragma('user_version = 99'));
      expect(() => new SqliteEventStore({ file: file() })).toThrow('the event store file was written by a newer ledger (schema 99 > 2)');
      withFile((db) => expect(db.pragma('user_version', { simple: true })).toBe(99));
    });
  });
});
