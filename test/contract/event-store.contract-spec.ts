import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstValueFrom, take, toArray } from 'rxjs';
import { ConcurrencyError, IdempotencyConflictError, RecordedTimeGoesBackError, UnavailableError } from '../../src/core/errors/ledger-errors';
import { EsdbEventStore } from '../../src/core/event-store/esdb-event-store';
import { EventStore, ReadByStreamOptions } from '../../src/core/event-store/event-store.port';
import { MemoryEventStore } from '../../src/core/event-store/memory-event-store';
import { SqliteEventStore } from '../../src/core/event-store/sqlite-event-store';
import { describeEventStoreDb, openTestEventStoreDb, testEventStoreDb } from '../support/esdb';
import { anEvent } from '../support/event-factory';
import { TcpProxy } from '../support/tcp-proxy';

/**
 * One contract, every adapter: whatever backend the ledger runs on, these are the guarantees it relies on.
 * Where backends differ, they say so through their capability flags, and the contract checks what each one declares.
 */
interface Adapter {
  /** What the adapter must declare: part of the contract, not read from the store under test. */
  readonly declares: Pick<EventStore, 'supportsMultiStreamAppend' | 'positionsAreGapFree' | 'eventIdsUniqueAcrossStreams'>;
  /** The hash chain it keeps, if any: over the whole log, or per stream. */
  readonly chain?: 'log' | 'stream';
  /** Whether it reads the log grouped by stream (`readAllByStream`). */
  readonly readsByStream?: true;
  /** Whether its appends are serialised, so that recorded times never go back along the whole log, not only a stream. */
  readonly timesInLogOrder?: true;
  open(): Promise<EventStore>;
  cleanUp(): Promise<void>;
}

const EMBEDDED = { supportsMultiStreamAppend: true, positionsAreGapFree: true, eventIdsUniqueAcrossStreams: true };

const memory = (): Adapter => ({ declares: EMBEDDED, timesInLogOrder: true, open: async () => new MemoryEventStore(), cleanUp: async () => undefined });

const memoryNonAtomic = (): Adapter => ({
  declares: { ...EMBEDDED, supportsMultiStreamAppend: false },
  timesInLogOrder: true,
  open: async () => new MemoryEventStore({ multiStreamAppend: false }),
  cleanUp: async () => undefined,
});

/** Memory standing in for EventStoreDB: no multi-stream transactions, positions with gaps, a hash chain per stream. */
const memoryEventStoreDbLike = (): Adapter => ({
  declares: { ...EMBEDDED, supportsMultiStreamAppend: false, positionsAreGapFree: false },
  chain: 'stream',
  open: async () => new MemoryEventStore({ multiStreamAppend: false, hashChain: 'stream', positionGaps: true }),
  cleanUp: async () => undefined,
});

const sqlite = (): Adapter => {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-contract-'));
  return {
    declares: EMBEDDED,
    chain: 'log',
    readsByStream: true,
    timesInLogOrder: true,
    open: async () => new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 50 }),
    cleanUp: async () => rmSync(dir, { recursive: true, force: true }),
  };
};

/** Each test gets a namespace of its own on the shared server, so it starts from an empty log. */
const eventStoreDb = (): Adapter => ({
  declares: { supportsMultiStreamAppend: false, positionsAreGapFree: false, eventIdsUniqueAcrossStreams: false },
  chain: 'stream',
  open: () => openTestEventStoreDb(),
  cleanUp: async () => undefined,
});

const contract = (makeAdapter: () => Adapter) => () => {
  let adapter: Adapter;
  let store: EventStore;
  const positionsOf = (events: ReadonlyArray<{ position: number }>) => events.map((e) => e.position);
  const increasing = (positions: readonly number[]) => positions.every((p, i) => i === 0 || p > positions[i - 1]);

  beforeEach(async () => {
    adapter = makeAdapter();
    store = await adapter.open();
  });

  afterEach(async () => {
    await store?.close();
    await adapter.cleanUp();
  });

  it('declares what it can do', () => {
    expect({
      supportsMultiStreamAppend: store.supportsMultiStreamAppend,
      positionsAreGapFree: store.positionsAreGapFree,
      eventIdsUniqueAcrossStreams: store.eventIdsUniqueAcrossStreams,
    }).toEqual(adapter.declares);
    expect(store.integrity?.chain).toBe(adapter.chain);
    expect(typeof store.readAllByStream).toBe(adapter.readsByStream ? 'function' : 'undefined');
  });

  it('keeps its hash chain whole when many writers append to one stream at once, where it keeps one', async () => {
    await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: [anEvent(0)] });
    // With `any` and `stream_exists` every writer must land; a chained store re-chains the ones that came second.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) => store.appendToStream({ streamId: 's-1', expectedRevision: i % 2 ? 'any' : 'stream_exists', events: [anEvent(i + 1), anEvent(`${i + 1}b`)] })),
    );
    expect(outcomes.filter((o) => o.status === 'rejected')).toEqual([]);
    expect((await store.readStream('s-1')).map((e) => e.revision)).toEqual(Array.from({ length: 17 }, (_, i) => i));
    if (!store.integrity) return;
    expect(await store.integrity.verify()).toMatchObject({ ok: true, checked: 17 });
    expect((await store.integrity.tree()).size).toBe(17);
  });

  describe('append with an expected revision', () => {
    it('creates a stream with no_stream and numbers revisions from 0, positions in order (from 1, gap-free, where declared)', async () => {
      const result = await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: [anEvent(1), anEvent(2)] });
      expect(result.nextExpectedRevision).toBe(1);
      expect(result.duplicate).toBe(false);
      expect(result.events.map((e) => e.revision)).toEqual([0, 1]);
      expect(increasing(positionsOf(result.events))).toBe(true);
      expect(result.events.every((e) => Number.isSafeInteger(e.position) && e.position > 0)).toBe(true);
      if (store.positionsAreGapFree) expect(positionsOf(result.events)).toEqual([1, 2]);
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
      await expect(store.appendToStream({ streamId: 'missing', expectedRevision: 0, events: [anEvent(1)] })).rejects.toMatchObject({
        httpStatus: 409,
        actual: 'no_stream',
      });
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

  describe('multi-stream append', () => {
    const twoStreams = () => [
      { streamId: 'a', expectedRevision: 'no_stream' as const, events: [anEvent('a0'), anEvent('a1')] },
      { streamId: 'b', expectedRevision: 'no_stream' as const, events: [anEvent('b0')] },
    ];

    it('stores events of several streams in one transaction, with consecutive positions, where declared', async () => {
      if (!store.supportsMultiStreamAppend) {
        await expect(store.appendToStreams(twoStreams())).rejects.toThrow(/multi-stream/);
        expect((await store.stats()).eventCount).toBe(0);
        return;
      }
      const results = await store.appendToStreams(twoStreams());
      expect(results.flatMap((r) => positionsOf(r.events))).toEqual([1, 2, 3]);
      expect(results.map((r) => r.nextExpectedRevision)).toEqual([1, 0]);
    });

    it('writes nothing in any stream when one expected revision is wrong', async () => {
      if (!store.supportsMultiStreamAppend) return;
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

    it('treats a retried multi-stream append as one duplicate', async () => {
      if (!store.supportsMultiStreamAppend) return;
      const appends = twoStreams();
      await store.appendToStreams(appends);
      const retry = await store.appendToStreams(appends);
      expect(retry.every((r) => r.duplicate)).toBe(true);
      expect((await store.stats()).eventCount).toBe(3);
    });
  });

  describe('event ids are idempotency keys', () => {
    it('re-appending stored ids writes nothing and reports the original positions, even with a now-stale revision', async () => {
      const events = [anEvent(1), anEvent(2)];
      const first = await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events });
      await store.appendToStream({ streamId: 's-1', expectedRevision: 1, events: [anEvent(3)] });
      const retry = await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events });
      expect(retry.duplicate).toBe(true);
      expect(positionsOf(retry.events)).toEqual(positionsOf(first.events));
      expect(retry.nextExpectedRevision).toBe(2);
      expect((await store.stats()).eventCount).toBe(3);
    });

    it('re-appending stored ids with the very same expected revision is a duplicate too', async () => {
      const events = [anEvent(1), anEvent(2)];
      const first = await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events });
      const retry = await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events });
      expect(retry).toEqual({ ...first, duplicate: true });
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

    it('refuses an id already used in another stream, where ids are declared unique across streams', async () => {
      const event = anEvent(1);
      await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: [event] });
      const elsewhere = store.appendToStream({ streamId: 's-2', expectedRevision: 'any', events: [event] });
      if (store.eventIdsUniqueAcrossStreams) await expect(elsewhere).rejects.toBeInstanceOf(IdempotencyConflictError);
      else expect((await elsewhere).duplicate).toBe(false);
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

    it('reads the global log in position order, from an event\'s position, or after it with position + 1', async () => {
      const all = await store.readAll();
      expect(all.map((e) => e.streamId)).toEqual(['a', 'a', 'a', 'b', 'a']);
      expect(increasing(positionsOf(all))).toBe(true);
      if (store.positionsAreGapFree) expect(positionsOf(all)).toEqual([1, 2, 3, 4, 5]);
      expect((await store.readAll({ fromPosition: all[3].position, maxCount: 1 })).map((e) => e.data)).toEqual([{ marker: 'b0' }]);
      expect((await store.readAll({ fromPosition: all[2].position + 1, maxCount: 2 })).map((e) => e.data)).toEqual([{ marker: 'b0' }, { marker: 'a3' }]);
      expect(await store.readAll({ fromPosition: all[4].position + 1 })).toEqual([]);
      expect(await store.headPosition()).toBe(all[4].position);
    });

    it('reads the log grouped by stream up to a position, a page after an event, where it offers to', async () => {
      if (!adapter.readsByStream) return;
      const readByStream = store.readAllByStream!.bind(store);
      const markers = (events: readonly { data: unknown }[]) => events.map((e) => (e.data as { marker: string }).marker);
      const head = await store.headPosition();
      expect(markers(await readByStream({ upToPosition: head, maxCount: 10 }))).toEqual(['a0', 'a1', 'a2', 'a3', 'b0']);
      const [, , , b0] = await store.readAll();
      expect(markers(await readByStream({ upToPosition: b0.position, maxCount: 10 }))).toEqual(['a0', 'a1', 'a2', 'b0']);
      expect(markers(await readByStream({ upToPosition: head, after: { streamId: 'a', revision: 1 }, maxCount: 2 }))).toEqual(['a2', 'a3']);
      expect(await readByStream({ upToPosition: head, after: { streamId: 'b', revision: 0 }, maxCount: 10 })).toEqual([]);

      // A page may end early at its length of JSON, one event at the least; paging on from each page's last event still
      // reads every event once, in the same order.
      expect(markers(await readByStream({ upToPosition: head, maxCount: 10, maxJsonLength: 1 }))).toEqual(['a0']);
      const pages: string[][] = [];
      for (let after: ReadByStreamOptions['after']; ; ) {
        const page = await readByStream({ upToPosition: head, after, maxCount: 10, maxJsonLength: 1 });
        if (page.length === 0) break;
        pages.push(markers(page));
        after = { streamId: page[page.length - 1].streamId, revision: page[page.length - 1].revision };
      }
      expect(pages).toEqual([['a0'], ['a1'], ['a2'], ['a3'], ['b0']]);
    });

    it('never lets recorded time go backwards along the log', async () => {
      const times = (await store.readAll()).map((e) => e.recordedAt);
      expect([...times].sort()).toEqual(times);
      expect(Number.isNaN(Date.parse(times[0]))).toBe(false);
    });

    it('reports counts and the last position', async () => {
      const last = (await store.readAll()).at(-1)!.position;
      expect(await store.stats()).toEqual({ eventCount: 5, streamCount: 2, lastPosition: last });
      if (store.positionsAreGapFree) expect(last).toBe(5);
    });
  });

  describe('recorded times kept by a copy of the ledger', () => {
    it('stores the events of an append with the recorded time it keeps, and records later appends from it on', async () => {
      const kept = '2021-03-04T05:06:07.089Z';
      const copied = await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', recordedAt: kept, events: [anEvent(1), anEvent(2)] });
      const later = await store.appendToStream({ streamId: 's-1', expectedRevision: 1, events: [anEvent(3)] });

      expect(copied.events.map((e) => e.recordedAt)).toEqual([kept, kept]);
      expect((await store.readStream('s-1')).map((e) => e.recordedAt)).toEqual([kept, kept, later.events[0].recordedAt]);
      expect(later.events[0].recordedAt > kept).toBe(true);
      if (store.integrity) expect(await store.integrity.verify()).toMatchObject({ ok: true, checked: 3 });
    });

    it("refuses a recorded time before the stream's last event, and writes nothing", async () => {
      await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', recordedAt: '2021-03-04T05:06:07.089Z', events: [anEvent(1)] });
      const back = store.appendToStream({ streamId: 's-1', expectedRevision: 0, recordedAt: '2021-03-04T05:06:07.088Z', events: [anEvent(2)] });

      await expect(back).rejects.toBeInstanceOf(RecordedTimeGoesBackError);
      await expect(back).rejects.toMatchObject({ httpStatus: 409, code: 'STREAM.RECORDED_TIME_GOES_BACK' });
      expect(await store.readStream('s-1')).toHaveLength(1);
    });

    it("refuses, where appends are serialised, a recorded time before the log's last event", async () => {
      await store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', recordedAt: '2021-03-04T05:06:07.089Z', events: [anEvent(1)] });
      const elsewhere = store.appendToStream({ streamId: 's-2', expectedRevision: 'no_stream', recordedAt: '2020-01-01T00:00:00.000Z', events: [anEvent(2)] });

      if (!adapter.timesInLogOrder) return void (await expect(elsewhere).resolves.toMatchObject({ nextExpectedRevision: 0 }));
      await expect(elsewhere).rejects.toBeInstanceOf(RecordedTimeGoesBackError);
      expect(await store.readStream('s-2')).toEqual([]);
    });

    it('refuses a recorded time not written as an ISO timestamp', async () => {
      await expect(store.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', recordedAt: '2021-03-04 05:06', events: [anEvent(1)] })).rejects.toThrow(
        'the recorded time 2021-03-04 05:06 kept for s-1 is not an ISO timestamp',
      );
      expect(await store.readStream('s-1')).toEqual([]);
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
    expect(read).toMatchObject({ id: event.id, type: event.type, schemaVersion: 1, data: event.data });
    expect(read.metadata).toEqual(event.metadata);
  });

  it('subscribes from a position: stored events first, then new ones as they are appended', async () => {
    const stored = await store.appendToStream({ streamId: 'a', expectedRevision: 'no_stream', events: [anEvent(1), anEvent(2), anEvent(3)] });
    const received = firstValueFrom(store.subscribeToAll({ fromPosition: stored.events[1].position }).pipe(take(4), toArray()));
    await store.appendToStream({ streamId: 'b', expectedRevision: 'no_stream', events: [anEvent(4)] });
    await store.appendToStream({ streamId: 'b', expectedRevision: 0, events: [anEvent(5)] });
    expect((await received).map((e) => e.data)).toEqual([2, 3, 4, 5].map((marker) => ({ marker })));
  });

  it('subscribes after an event with its position + 1, and from the start by default', async () => {
    const stored = await store.appendToStream({ streamId: 'a', expectedRevision: 'no_stream', events: [anEvent(1), anEvent(2)] });
    const after = firstValueFrom(store.subscribeToAll({ fromPosition: stored.events[0].position + 1 }).pipe(take(1)));
    const fromStart = firstValueFrom(store.subscribeToAll().pipe(take(2), toArray()));
    expect((await after).data).toEqual({ marker: 2 });
    expect((await fromStart).map((e) => e.data)).toEqual([{ marker: 1 }, { marker: 2 }]);
  });
};

describe('EventStore contract on memory', contract(memory));
describe('EventStore contract on memory:non-atomic', contract(memoryNonAtomic));
describe('EventStore contract on memory:esdb-like', contract(memoryEventStoreDbLike));
describe('EventStore contract on sqlite', contract(sqlite));
describeEventStoreDb('EventStore contract on esdb', contract(eventStoreDb));

describeEventStoreDb('EventStoreDB through an outage', () => {
  let proxy: TcpProxy;
  let direct: EsdbEventStore;
  let viaProxy: EsdbEventStore;

  beforeEach(async () => {
    const server = testEventStoreDb();
    proxy = await TcpProxy.start(server);
    const namespace = `outage${randomUUID().slice(0, 8)}.`;
    direct = await openTestEventStoreDb({ namespace });
    viaProxy = await openTestEventStoreDb({ connectionString: server.via(proxy.address), namespace, timeoutMs: 1000 });
  });

  afterEach(async () => {
    await proxy?.stop();
    await Promise.all([viaProxy?.close(), direct?.close()]);
  });

  it('answers UnavailableError while the server is away, and serves again when it is back', async () => {
    await proxy.cut();
    await expect(viaProxy.readStream('s-1')).rejects.toBeInstanceOf(UnavailableError);
    await expect(viaProxy.appendToStream({ streamId: 's-1', expectedRevision: 'any', events: [anEvent(1)] })).rejects.toBeInstanceOf(UnavailableError);
    await proxy.restore();
    await expect(viaProxy.appendToStream({ streamId: 's-1', expectedRevision: 'any', events: [anEvent(2)] })).resolves.toMatchObject({ duplicate: false });
  });

  it('resubscribes after the server comes back, from the last event delivered: nothing missed, nothing twice', async () => {
    await direct.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: [anEvent(1), anEvent(2)] });
    const received: unknown[] = [];
    const done = new Promise<void>((resolve, reject) =>
      viaProxy.subscribeToAll().subscribe({
        next: (event) => (received.push(event.data), received.length === 4 && resolve()),
        error: reject,
      }),
    );
    while (received.length < 2) await new Promise((resolve) => setTimeout(resolve, 20));
    await proxy.cut();
    await direct.appendToStream({ streamId: 's-1', expectedRevision: 1, events: [anEvent(3)] });
    await proxy.restore();
    await direct.appendToStream({ streamId: 's-1', expectedRevision: 2, events: [anEvent(4)] });
    await done;
    expect(received).toEqual([1, 2, 3, 4].map((marker) => ({ marker })));
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

  it('checks expected revisions against what another connection appended to the same file meanwhile', async () => {
    const file = join(dir, 'events.sqlite');
    const service = new SqliteEventStore({ file });
    const cli = new SqliteEventStore({ file });
    await service.appendToStream({ streamId: 's-1', expectedRevision: 'no_stream', events: [anEvent(1)] });
    await cli.appendToStream({ streamId: 's-1', expectedRevision: 0, events: [anEvent(2)] });
    await expect(service.appendToStream({ streamId: 's-1', expectedRevision: 0, events: [anEvent(3)] })).rejects.toThrow(ConcurrencyError);
    await expect(service.appendToStream({ streamId: 's-1', expectedRevision: 1, events: [anEvent(3)] })).resolves.toMatchObject({ nextExpectedRevision: 2 });
    expect((await cli.readStream('s-1')).map((e) => e.data)).toEqual([{ marker: 1 }, { marker: 2 }, { marker: 3 }]);
    await Promise.all([service.close(), cli.close()]);
  });
});

describe('SQLite event store: appends that arrive together', () => {
  let store: SqliteEventStore;
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-sqlite-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite') });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('share a commit, yet each is kept or refused on its own', async () => {
    const stored = [anEvent('stored-0')];
    await store.appendToStream({ streamId: 'stored', expectedRevision: 'no_stream', events: stored });
    const a0 = anEvent('a0');
    const [fresh, stale, retried, partlyStored, second] = await Promise.allSettled([
      store.appendToStreams([
        { streamId: 'a', expectedRevision: 'no_stream', events: [a0, anEvent('a1')] },
        { streamId: 'b', expectedRevision: 'no_stream', events: [anEvent('b0')] },
      ]),
      store.appendToStream({ streamId: 'stored', expectedRevision: 'no_stream', events: [anEvent('stale')] }),
      store.appendToStream({ streamId: 'stored', expectedRevision: 'no_stream', events: stored }),
      store.appendToStream({ streamId: 'c', expectedRevision: 'any', events: [anEvent('c0'), a0] }),
      store.appendToStream({ streamId: 'a', expectedRevision: 1, events: [anEvent('a2')] }),
    ]);
    expect(fresh.status).toBe('fulfilled');
    expect(stale).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyError) });
    expect(retried).toMatchObject({ status: 'fulfilled', value: { duplicate: true, events: [{ position: 1 }] } });
    expect(partlyStored).toMatchObject({ status: 'rejected', reason: expect.any(IdempotencyConflictError) });
    // A later member sees what an earlier one of the same group wrote.
    expect(second).toMatchObject({ status: 'fulfilled', value: { nextExpectedRevision: 2 } });

    const log = await store.readAll();
    expect(log.map((e) => [e.streamId, e.revision, e.position])).toEqual([
      ['stored', 0, 1],
      ['a', 0, 2],
      ['a', 1, 3],
      ['b', 0, 4],
      ['a', 2, 5],
    ]);
    await expect(store.integrity.verify()).resolves.toMatchObject({ ok: true, checked: 5 });
    // What the refused members wrote before they were rolled back counts for nothing later.
    await expect(store.appendToStream({ streamId: 'c', expectedRevision: 'no_stream', events: [anEvent('c0')] })).resolves.toMatchObject({ nextExpectedRevision: 0 });
    await expect(store.appendToStream({ streamId: 'a', expectedRevision: 1, events: [anEvent('a3')] })).rejects.toThrow(ConcurrencyError);
  });
});
