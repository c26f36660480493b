import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore, StreamAppend } from '../../src/core/event-store/event-store.port';
import { differenceOf } from '../../src/core/event-store/ledger-copy';
import { MemoryEventStore } from '../../src/core/event-store/memory-event-store';
import { SqliteEventStore } from '../../src/core/event-store/sqlite-event-store';
import { anEvent } from './event-factory';

/** Ledgers written by drawn appends, and compared as a copy must keep them (see ledger-copy.ts). */

/** The appends a ledger is written with, drawn: one to three streams each, one to three events per stream. */
export const drawnAppends = fc.array(
  fc.uniqueArray(fc.record({ stream: fc.integer({ min: 0, max: 5 }), events: fc.integer({ min: 1, max: 3 }) }), { selector: (a) => a.stream, minLength: 1, maxLength: 3 }),
  { minLength: 0, maxLength: 30 },
);

let marker = 0;
/** Writes the appends drawn, each a multi-stream append where the store has them, else stream by stream. */
export async function written(store: EventStore, appends: ReadonlyArray<ReadonlyArray<{ stream: number; events: number }>>): Promise<void> {
  for (const streams of appends) {
    const batch: StreamAppend[] = streams.map(({ stream, events }) => ({
      streamId: `procedure-1.00000${stream}`,
      expectedRevision: 'any',
      events: Array.from({ length: events }, () => anEvent(marker++, { data: { marker, name: 'Cấp giấy phép', days: 27843.5 } })),
    }));
    if (store.supportsMultiStreamAppend) await store.appendToStreams(batch);
    else for (const append of batch) await store.appendToStream(append);
  }
}

export const logOf = async (store: EventStore) => store.readAll();

/** The two logs hold the same events in the same order, as a copy keeps them. */
export async function expectSameLedger(source: EventStore, destination: EventStore): Promise<void> {
  const [theirs, ours] = [await logOf(source), await logOf(destination)];
  expect(ours).toHaveLength(theirs.length);
  expect(theirs.map((event, i) => differenceOf(event, ours[i])).filter(Boolean)).toEqual([]);
  if (destination.integrity) expect(await destination.integrity.verify()).toMatchObject({ ok: true, checked: theirs.length });
}

/** Stores a test opens, in a folder of its own: closed, and the folder removed, after each test. */
export function storesPerTest(prefix: string) {
  let dir: string;
  const opened: EventStore[] = [];
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), prefix))));
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  const kept = <Store extends EventStore>(store: Store): Store => (opened.push(store), store);
  return {
    kept,
    sqlite: (name: string) => kept(new SqliteEventStore({ file: join(dir, `${name}.sqlite`) })),
    /** Memory standing in for EventStoreDB: no multi-stream transactions, positions with gaps, a hash chain per stream. */
    serverLike: () => kept(new MemoryEventStore({ multiStreamAppend: false, hashChain: 'stream', positionGaps: true })),
  };
}
