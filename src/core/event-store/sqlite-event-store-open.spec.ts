import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anEvent } from '../../../test/support/event-factory';
import { completeSubtrees } from '../../../test/support/merkle-reference';
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

    it('at schema 2, gains the table of kept subtree roots, its events and their hashes untouched', async () => {
      const store = new SqliteEventStore({ file: file() });
      await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: events(1_500) });
      await store.close();
      const before = withFile((db) => {
        db.exec('DROP TABLE subtree_roots');
        db.pragma('user_version = 2');
        return db.prepare('SELECT * FROM events ORDER BY position').all();
      });

      const reopened = new SqliteEventStore({ file: file() });
      expect(await reopened.integrity.verify()).toEqual({ ok: true, checked: 1_500, lastPosition: 1_500 });
      await reopened.close();
      withFile((db) => {
        expect(db.pragma('user_version', { simple: true })).toBe(3);
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
        // Schema 1: the same events table, no hash column, no kept roots.
        db.exec('DROP TRIGGER events_are_immutable; DROP TABLE subtree_roots; ALTER TABLE events DROP COLUMN hash');
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
      expect(() => new SqliteEventStore({ file: file() })).toThrow('the event store file was written by a newer ledger (schema 99 > 3)');
      withFile((db) => expect(db.pragma('user_version', { simple: true })).toBe(99));
    });
  });
});
