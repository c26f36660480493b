import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anEvent } from '../../../test/support/event-factory';
import { completeSubtrees, referenceConsistency, referencePath, referenceRoot } from '../../../test/support/merkle-reference';
import { eventStoreConnection, STORAGE_FAULTS } from '../../../test/support/storage-faults';
import { leafHash } from '../ledger-hash/merkle';
import { KEPT_SUBTREE_LEVEL } from '../ledger-hash/merkle-tree';
import { SqliteEventStore } from './sqlite-event-store';

describe('verifying a long SQLite log', () => {
  let dir: string;
  let store: SqliteEventStore;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-verify-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), synchronous: 'NORMAL' });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** `streams` streams of 100 events each, appended at once, numbered on from `first`. */
  const appendStreams = (streams: number, first = 0) =>
    store.appendToStreams(
      Array.from({ length: streams }, (_, i) => first + i).map((s) => ({
        streamId: `s-${s}`,
        expectedRevision: 'no_stream' as const,
        events: Array.from({ length: 100 }, (_, i) => anEvent(s * 100 + i)),
      })),
    );

  /** Counts turns of the event loop until stopped. */
  const countTurns = () => {
    const counter = { turns: 0, running: true };
    const turn = () => {
      if (!counter.running) return;
      counter.turns += 1;
      setImmediate(turn);
    };
    setImmediate(turn);
    return counter;
  };

  it('lets other work run between its chunks, and checks the log as it stood when asked', async () => {
    // 5,000 events: more than two chunks of the walk.
    await appendStreams(50);

    // Other work of the process: turns of the event loop, one of which appends while the walk goes on.
    let turns = 0;
    let walking = true;
    let appendedMeanwhile: Promise<unknown> | undefined;
    const turn = () => {
      if (!walking) return;
      turns += 1;
      appendedMeanwhile ??= store.appendToStream({ streamId: 's-late', expectedRevision: 'no_stream', events: [anEvent(99_999)] });
      setImmediate(turn);
    };
    setImmediate(turn);
    const report = await store.integrity.verify();
    walking = false;
    await appendedMeanwhile;

    expect(report).toEqual({ ok: true, checked: 5_000, lastPosition: 5_000 });
    expect(turns).toBeGreaterThanOrEqual(2);
    expect(await store.integrity.verify()).toEqual({ ok: true, checked: 5_001, lastPosition: 5_001 });
  });

  it('folds the tree for digests from every stored hash in order, with turns between, up to any size', async () => {
    // 45,000 events: several turns' worth of leaves.
    await appendStreams(450);
    const file = new Database(join(dir, 'events.sqlite'), { readonly: true });
    const leaves = (file.prepare('SELECT hash FROM events ORDER BY position').pluck().all() as string[]).map(leafHash);
    file.close();

    const counter = countTurns();
    const root = await (await store.integrity.tree()).root();
    counter.running = false;
    expect(root).toBe(referenceRoot(leaves));
    expect(counter.turns).toBeGreaterThanOrEqual(2);
    for (const size of [1, 19_999, 20_000, 20_001, 40_000, 44_999, 45_000, 50_000]) {
      const tree = await store.integrity.tree(size);
      // The first `size` stored events, each at its place: a tree over no more events than the log holds.
      expect(tree.size).toBe(Math.min(size, leaves.length));
      expect(await tree.root()).toBe(referenceRoot(leaves.slice(0, tree.size)));
    }
  }, 30_000);

  describe('the roots of complete subtrees kept for proofs', () => {
    const keptRoots = () => {
      const file = new Database(join(dir, 'events.sqlite'), { readonly: true });
      const made = file.prepare("SELECT 1 FROM sqlite_master WHERE name = 'subtree_roots'").get() !== undefined;
      const rows = made ? file.prepare('SELECT level, idx FROM subtree_roots ORDER BY level, idx').all() : [];
      file.close();
      return rows;
    };
    const storedLeaves = () => {
      const file = new Database(join(dir, 'events.sqlite'), { readonly: true });
      const hashes = file.prepare('SELECT hash FROM events ORDER BY position').pluck().all() as string[];
      file.close();
      return hashes.map(leafHash);
    };

    it('are kept by a verification and by the first proof, and give the answers the log gives', async () => {
      await appendStreams(30);
      const leaves = storedLeaves();
      expect(keptRoots()).toEqual([]);
      expect(await store.integrity.verify()).toEqual({ ok: true, checked: 3_000, lastPosition: 3_000 });
      expect(keptRoots()).toEqual(completeSubtrees(3_000, KEPT_SUBTREE_LEVEL));

      await appendStreams(20, 30);
      const longer = storedLeaves();
      const tree = await store.integrity.tree();
      expect(tree.size).toBe(5_000);
      expect(await tree.root()).toBe(referenceRoot(longer));
      expect(await tree.inclusionPath(4_321)).toEqual(referencePath(4_321, longer));
      expect(await tree.consistencyPath(3_000)).toEqual(referenceConsistency(3_000, longer));
      expect(await (await store.integrity.tree(3_000)).root()).toBe(referenceRoot(leaves));
      expect(keptRoots()).toEqual(completeSubtrees(5_000, KEPT_SUBTREE_LEVEL));
    });

    it('fail a verification when one no longer matches the log, naming the events it covers', async () => {
      await appendStreams(30);
      await store.integrity.verify();
      const file = new Database(join(dir, 'events.sqlite'));
      file.prepare('UPDATE subtree_roots SET root = zeroblob(32) WHERE level = 10 AND idx = 1').run();
      file.close();
      expect(await store.integrity.verify()).toEqual({
        ok: false,
        checked: 2_047,
        lastPosition: 2_047,
        firstBadPosition: 2_048,
        failure: 'digest',
        problem: expect.stringContaining('events 1025–2048 no longer matches them'),
      });
    });

    // A full disk may still take the few rows that fit its free pages; a read-only one refuses them.
    it.each(STORAGE_FAULTS.map((fault) => [fault.name, fault] as const))('are kept or not while the disk %s, and the answers stay right', async (_name, fault) => {
      await appendStreams(30);
      const leaves = storedLeaves();
      const db = eventStoreConnection(store);
      fault.apply(db);
      expect(await store.integrity.verify()).toEqual({ ok: true, checked: 3_000, lastPosition: 3_000 });
      expect(await (await store.integrity.tree()).root()).toBe(referenceRoot(leaves));
      fault.remove(db);
      if (fault.code === 'SQLITE_READONLY') expect(keptRoots()).toEqual([]);
      expect(await (await store.integrity.tree()).root()).toBe(referenceRoot(leaves));
      expect(keptRoots()).toEqual(completeSubtrees(3_000, KEPT_SUBTREE_LEVEL));
    });
  });
});
