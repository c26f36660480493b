import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { DocumentProjection } from './document-projection';
import { SqliteReadStore, tableName } from './read-store';

interface Counter {
  readonly value: number;
}

const counters: DocumentProjection<Counter> = { name: 'counters', version: 1, handles: [], documentId: (event) => event.streamId, evolve: (document) => document };

describe('reads of a read store made together', () => {
  let dir: string;
  let store: SqliteReadStore;
  let writer: Database.Database;
  let generation: number;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-together-'));
    store = new SqliteReadStore(join(dir, 'readmodels.sqlite'));
    // Another connection to the same file, as the live runner's worker and a rebuild have.
    writer = new Database(join(dir, 'readmodels.sqlite'));
    generation = store.createGeneration(counters);
    store.table(counters, generation).put('a', { value: 1 });
    store.table(counters, generation).put('b', { value: 1 });
  });
  afterEach(() => {
    writer.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Another connection moves both counters to 2 in one commit. */
  const commitElsewhere = () => writer.prepare(`UPDATE ${tableName(counters.name, generation)} SET doc = '{"value":2}'`).run();
  const valueOf = (id: string) => store.table(counters, generation).get(id)!.value;

  it('see one moment, whatever another connection commits between them', () => {
    const seen = store.readTogether(() => {
      const a = valueOf('a');
      commitElsewhere();
      return [a, valueOf('b')];
    });
    expect(seen).toEqual([1, 1]);
    expect([valueOf('a'), valueOf('b')]).toEqual([2, 2]);
  });

  it('apart, each sees the latest commit: the case the former guards against', () => {
    const a = valueOf('a');
    commitElsewhere();
    expect([a, valueOf('b')]).toEqual([1, 2]);
  });
});
