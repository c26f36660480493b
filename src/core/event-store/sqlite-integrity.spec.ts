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

  it('lets other work run between its chunks, and checks the log as it stood when asked', async () => {
    // 5,000 events: more than two chunks of the walk.
    const appends = Array.from({ length: 50 }, (_, s) => ({
      streamId: `s-${s}`,
      expectedRevision: 'no_stream' as const,
      events: Array.from({ length: 100 }, (_, i) => anEvent(s * 100 + i)),
    }));
    await store.appendToStreams(appends);

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
});
