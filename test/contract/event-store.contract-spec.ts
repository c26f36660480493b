import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, take, toArray } from 'rxjs';
import { ConcurrencyError, IdempotencyConflictError } from '../../src/core/errors/ledger-errors';
import { EventStore } from '../../src/core/event-store/event-store.port';
import { MemoryEventStore } from '../../src/core/event-store/memory-event-store';
import { SqliteEventStore } from '../../src/core/event-store/sqlite-event-store';
import { anEvent } from '../support/event-factory';

/**
 * One contract, every adapter: whatever backend the ledger runs on, these are the guarantees it relies on.
 */
interface Adapter {
  readonly name: string;
  open(): Promise<EventStore>;
  cleanUp(): Promise<void>;
}

const memory = (): Adapter => ({ name: 'memory', open: async () => new MemoryEventStore(), cleanUp: async () => undefined });

const sqlite = (): Adapter => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-contract-'));
  return {
    name: 'sqlite',
    open: async () => new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 50 }),
    cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
  };
};

describe.each([
  ['memory', memory],
  ['sqlite', sqlite],
])('EventStore contract on %s', (_name, makeAdapter) => {
  let adapter: Adapter;
  let store: EventStore;

  beforeEach(async () => {
    adapter = makeAdapter();
    store = await adapter.open();
  });

  afterEach(async () => {
    await store.close();
    await adapter.cleanUp();
  });

  describe('append with an expected revision', () => {
    it('creates a stream with no_stream and numbers revisions from 0 and positions from 1', async () => {
      const result = await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: [anEvent(1), anEvent(2)] });
      expect(result.nextExpectedRevision).toBe(1);
      expect(result.duplicate).toBe(false);
      expect(result.events.map((e) => [e.revision, e.position])).toEqual([[0, 1], [1, 2]]);
    });

    it('refuses no_stream when the stream exists, and writes nothing', async () => {
      await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: [anEvent(1)] });
      await expect(
        store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: [anEvent(2)] }),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await store.stats()).eventCount).toBe(1);
    });

    it('accepts the exact current revision and refuses a stale one', async () => {
      await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: [anEvent(1)] });
      await store.appendToStream({ streamId: 's-1', expectedRevision: 0, events: [anEvent(2)] });
      const stale = store.appendToStream({ streamId: 's-1', expectedRevision: 0, events: [anEvent(3)] });
      await expect(stale).rejects.toMatchObject({ httpStatus: 409, expected: '0', actual: '1' });
      expect((await store.readStream('s-1')).map((e) => e.data)).toEqual([{ marker: 1 }, { marker: 2 }]);
    });

    it('refuses stream_exists on a missing stream and a number on a missing stream', async () => {
      await expect(store.appendToStream({ streamId: 'missing', expectedRevision: 'stream_exists', events: [anEvent(1)] })).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(store.appendToStream({ streamId: 'missing', expectedRevision: 0, events: [anEvent(1)] })).rejects.toBeInstanceOf(ConcurrencyError);
      expect((await store.stats()).eventCount).toBe(0);
    });

    it('appends anywhere with any', async () => {
      await store.appendToStream({ streamId: 's-1', expectedRevision: 'any', events: [anEvent(1)] });
      const result = await store.appendToStream({ streamId: 's-1', expectedRevision: 'any', events: [anEvent(2)] });
      expect(result.nextExpectedRevision).toBe(1);
    });

    it('lets exactly one of many concurrent writers win a revision', async () => {
      await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: [anEvent(0)] });
      const outcomes = await Promise.allSettled(
        Array.from({ length: 10 }, (_, i) => store.appendToStream({ streamId: 's-1', expectedRevision: 0, events: [anEvent(i + 1)] })),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      expect(outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof ConcurrencyError)).toHaveLength(9);
      expect(await store.readStream('s-1')).toHaveLength(2);
    });
  });

  describe('atomic multi-stream append', () => {
    it('stores events of several streams with consecutive positions', async () => {
      const results = await store.appendToStreams([
        { streamId: 'a', expectedRevision: 'no_stream', events: [anEvent('a0'), anEvent('a1')] },
        { streamId: 'b', expectedRevision: 'no_stream', events: [anEvent('b0')] },
      ]);
      expect(results.flatMap((r) => r.events.map((e) => e.position))).toEqual([1, 2, 3]);
      expect(results.map((r) => r.nextExpectedRevision)).toEqual([1, 0]);
    });

    it('writes nothing in any stream when one expected revision is wrong', async () => {
      await store.appendToStream({ streamId: 'b', expectedRevision: 'no_stream', events: [anEvent('b0')] });
      await expect(
        store.appendToStreams([
          { streamId: 'a', expectedRevision: 'no_stream', events: [anEvent('a0')] },
          { streamId: 'b', expectedRevision: 'no_stream', events: [anEvent('b1')] },
        ]),
      ).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.readStream('a')).toEqual([]);
      expect((await store.stats()).eventCount).toBe(1);
    });
  });

  describe('event ids are idempotency keys', () => {
    it('re-appending stored ids writes nothing and reports the original positions, even with a now-stale revision', async () => {
      const events = [anEvent(1), anEvent(2)];
      const first = await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events });
      await store.appendToStream({ streamId: 's-1', expectedRevision: 1, events: [anEvent(3)] });
      const retry = await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events });
      expect(retry.duplicate).toBe(true);
      expect(retry.events.map((e) => e.position)).toEqual(first.events.map((e) => e.position));
      expect(retry.nextExpectedRevision).toBe(2);
      expect((await store.stats()).eventCount).toBe(3);
    });

    it('treats a retried multi-stream append as one duplicate', async () => {
      const appends = [
        { streamId: 'a', expectedRevision: 'no_stream' as const, events: [anEvent('a0')] },
        { streamId: 'b', expectedRevision: 'no_stream' as const, events: [anEvent('b0')] },
      ];
      await store.appendToStreams(appends);
      const retry = await store.appendToStreams(appends);
      expect(retry.every((r) => r.duplicate)).toBe(true);
      expect((await store.stats()).eventCount).toBe(2);
    });

    it('refuses a batch that is partly stored, and writes nothing', async () => {
      const stored = anEvent(1);
      await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: [stored] });
      await expect(
        store.appendToStream({ streamId: 's-1', expectedRevision: 'any', events: [stored, anEvent(2)] }),
      ).rejects.toBeInstanceOf(IdempotencyConflictError);
      expect((await store.stats()).eventCount).toBe(1);
    });

    it('refuses an id already used in another stream', async () => {
      const event = anEvent(1);
      await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: [event] });
      await expect(store.appendToStream({ streamId: 's-2', expectedRevision: 'any', events: [event] })).rejects.toBeInstanceOf(
        IdempotencyConflictError,
      );
    });

    it('refuses the same id twice inside one append', async () => {
      const event = anEvent(1);
      await expect(store.appendToStream({ streamId: 's-1', expectedRevision: 'any', events: [event, event] })).rejects.toThrow(
        /appears twice/,
      );
      expect((await store.stats()).eventCount).toBe(0);
    });
  });

  describe('reading', () => {
    beforeEach(async () => {
      await store.appendToStream({ streamId: 'a', expectedRevision: 'no_stream', events: [anEvent('a0'), anEvent('a1'), anEvent('a2')] });
      await store.appendToStream({ streamId: 'b', expectedRevision: 'no_stream', events: [anEvent('b0')] });
      await store.appendToStream({ streamId: 'a', expectedRevision: 2, events: [anEvent('a3')] });
    });

    it('reads a stream in revision order, from a revision, up to a count', async () => {
      expect((await store.readStream('a')).map((e) => e.data)).toEqual(['a0', 'a1', 'a2', 'a3'].map((marker) => ({ marker })));
      expect((await store.readStream('a', { fromRevision: 1, maxCount: 2 })).map((e) => e.revision)).toEqual([1, 2]);
      expect(await store.readStream('nope')).toEqual([]);
    });

    it('reads the global log in gap-free position order from a position', async () => {
      const all = await store.readAll();
      expect(all.map((e) => e.position)).toEqual([1, 2, 3, 4, 5]);
      expect(all.map((e) => e.streamId)).toEqual(['a', 'a', 'a', 'b', 'a']);
      expect((await store.readAll({ fromPosition: 4, maxCount: 1 })).map((e) => e.data)).toEqual([{ marker: 'b0' }]);
      expect(await store.readAll({ fromPosition: 99 })).toEqual([]);
    });

    it('never lets recorded time go backwards along the log', async () => {
      const times = (await store.readAll()).map((e) => e.recordedAt);
      expect([...times].sort()).toEqual(times);
      expect(Number.isNaN(Date.parse(times[0]))).toBe(false);
    });

    it('reports counts and the last position', async () => {
      expect(await store.stats()).toEqual({ eventCount: 5, streamCount: 2, lastPosition: 5 });
    });
  });

  it('keeps data and metadata exactly: opaque codes, half days, Vietnamese text', async () => {
    const event = anEvent(1, {
      data: { code: '1.000046', name: 'Đăng ký khai sinh', days: 27843.5, nested: { list: [0.5, '2.001234'] } },
      metadata: {
        actor: 'văn-phòng-ubnd',
        effectiveDate: '2022-06-18',
        correlationId: 'c-1',
        causationId: 'c-0',
        decision: { number: '999-QĐ/TU', date: '2019-05-02', issuer: 'Tỉnh ủy Bình Phước' },
        source: '002_90c0e404548d7a3f.txt',
      },
    });
    await store.appendToStream({ streamId: 'procedure-1.000046', expectedRevision: 'no_stream', events: [event] });
    const [read] = await store.readStream('procedure-1.000046');
    expect(read).toMatchObject({ id: event.id, type: event.type, schemaVersion: 1, data: event.data, metadata: event.metadata });
  });

  it('subscribes from a position: stored events first, then new ones as they are appended', async () => {
    await store.appendToStream({ streamId: 'a', expectedRevision: 'no_stream', events: [anEvent(1), anEvent(2), anEvent(3)] });
    const received = firstValueFrom(store.subscribeToAll({ fromPosition: 2 }).pipe(take(4), toArray()));
    await store.appendToStream({ streamId: 'b', expectedRevision: 'no_stream', events: [anEvent(4)] });
    await store.appendToStream({ streamId: 'b', expectedRevision: 0, events: [anEvent(5)] });
    expect((await received).map((e) => e.position)).toEqual([2, 3, 4, 5]);
  });
});

describe('SQLite event store file', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps acknowledged events after the store is closed and opened again', async () => {
    const file = join(dir, 'events.sqlite');
    const first = new SqliteEventStore({ file });
    await first.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: [anEvent(1), anEvent(2)] });
    await first.close();
    const reopened = new SqliteEventStore({ file });
    expect((await reopened.readStream('s-1')).map((e) => e.data)).toEqual([{ marker: 1 }, { marker: 2 }]);
    await reopened.appendToStream({ streamId: 's-1', expectedRevision: 1, events: [anEvent(3)] });
    expect(await reopened.stats()).toEqual({ eventCount: 3, streamCount: 1, lastPosition: 3 });
    await reopened.close();
  });

  it('delivers to a subscriber the events another connection appends to the same file', async () => {
    const file = join(dir, 'events.sqlite');
    const reader = new SqliteEventStore({ file, pollIntervalMs: 20 });
    const writer = new SqliteEventStore({ file });
    const received = firstValueFrom(reader.subscribeToAll().pipe(take(2), toArray()));
    await writer.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: [anEvent(1), anEvent(2)] });
    expect((await received).map((e) => e.data)).toEqual([{ marker: 1 }, { marker: 2 }]);
    await Promise.all([reader.close(), writer.close()]);
  });
});
