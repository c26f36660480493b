import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { anEvent } from '../../../test/support/event-factory';
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

  /** `streams` streams of 100 events each, appended at once. */
  const appendStreams = (streams: number) =>
    store.appendToStreams(
      Array.from({ length: streams }, (_, s) => ({
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

  it('reads the hashes for digests a chunk at a time, every one of them in order, up to any size', async () => {
    // 45,000 events: two whole chunks and part of a third.
    await appendStreams(450);
    const file = new Database(join(dir, 'events.sqlite'), { readonly: true });
    const stored = file.prepare('SELECT position, hash FROM events ORDER BY position').all();
    file.close();

    const counter = countTurns();
    const all = await store.integrity.hashes();
    counter.running = false;
    expect(all).toEqual(stored);
    expect(counter.turns).toBeGreaterThanOrEqual(2);
    for (const size of [1, 19_999, 20_000, 20_001, 40_000, 44_999, 45_000, 50_000]) {
      const first = await store.integrity.hashes(size);
      // Each the stored record at its place: positions 1, 2, 3… with the hashes stored there.
      expect(first.length).toBe(Math.min(size, stored.length));
      expect(first.every((record, i) => record.position === i + 1 && record.hash === all[i].hash)).toBe(true);
    }
  }, 30_000);
});
