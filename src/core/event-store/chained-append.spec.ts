import { anEvent } from '../../../test/support/event-factory';
import { RecordedEvent } from '../event-envelope';
import { ConcurrencyError } from '../errors/ledger-errors';
import { ChainedRecord, EMPTY_STREAM } from '../ledger-hash/stream-chain';
import { verifyStreamChains } from '../ledger-hash/stream-chain-walk';
import { appendChained, ChainedAppendIo } from './chained-append';
import { AppendResult } from './event-store.port';

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A server as EventStoreDB behaves for these calls: every step takes a turn, and a write checks the exact revision. */
class FakeServer {
  readonly records: ChainedRecord[] = [];
  readonly stored: RecordedEvent[] = [];
  writes = 0;
  conflicts = 0;
  /** Set to make another writer win every race. */
  alwaysBeaten = false;

  private revisionOf(streamId: string): number {
    return this.stored.filter((e) => e.streamId === streamId).length - 1;
  }

  readonly io: ChainedAppendIo = {
    head: async (streamId) => {
      await tick();
      const last = this.records.filter((r) => r.streamId === streamId).at(-1);
      return last ? { revision: last.revision, hash: last.link!.hash, recordedAt: last.recordedAt } : EMPTY_STREAM;
    },
    write: async (streamId, chained, expectedRevision) => {
      await tick();
      this.writes += 1;
      const current = this.revisionOf(streamId);
      if (this.alwaysBeaten || current !== expectedRevision) {
        this.conflicts += 1;
        return { conflict: String(current) };
      }
      const events = chained.map(({ event, revision, stamp }) => {
        const position = 2 * (this.stored.length + 1);
        const recorded: RecordedEvent = { ...event, streamId, revision, position, recordedAt: stamp.recordedAt };
        this.stored.push(recorded);
        this.records.push({ position, eventId: event.id, streamId, revision, type: event.type, schemaVersion: event.schemaVersion, data: JSON.stringify(event.data), metadata: JSON.stringify(event.metadata), recordedAt: stamp.recordedAt, link: stamp });
        return recorded;
      });
      return { written: { streamId, nextExpectedRevision: events.at(-1)!.revision, events, duplicate: false } };
    },
    replay: async (append): Promise<AppendResult | undefined> => {
      await tick();
      const found = append.events.map((e) => this.stored.find((s) => s.id === e.id));
      if (found.length === 0 || found.some((f) => !f)) return undefined;
      return { streamId: append.streamId, nextExpectedRevision: this.revisionOf(append.streamId), events: found as RecordedEvent[], duplicate: true };
    },
    recordedAt: (head) => (head.recordedAt && head.recordedAt > new Date().toISOString() ? head.recordedAt : new Date().toISOString()),
  };
}

const noPause = { pause: () => tick() };

describe('appending to a stream-chained backend', () => {
  it('never forks a chain: writers racing with `any` are all stored, the ones that came second chained again', async () => {
    const server = new FakeServer();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => appendChained({ streamId: 's', expectedRevision: 'any', events: [anEvent(i), anEvent(`${i}b`)] }, server.io, { maxAttempts: 20, ...noPause })),
    );
    expect(results.every((r) => !r.duplicate)).toBe(true);
    expect(server.conflicts).toBeGreaterThan(0);
    expect(server.stored.map((e) => e.revision)).toEqual(Array.from({ length: 24 }, (_, i) => i));
    expect(await verifyStreamChains(server.records)).toMatchObject({ ok: true, checked: 24 });
  });

  it('tells a writer who named a revision of the conflict, without trying again', async () => {
    const server = new FakeServer();
    await appendChained({ streamId: 's', expectedRevision: 'no_stream', events: [anEvent(0)] }, server.io);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 5 }, (_, i) => appendChained({ streamId: 's', expectedRevision: 0, events: [anEvent(i + 1)] }, server.io, noPause)),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === 'rejected' && o.reason instanceof ConcurrencyError)).toHaveLength(4);
    expect(server.writes).toBe(1 + 5);
  });

  it('gives up with a conflict after its attempts when other writers always come first', async () => {
    const server = new FakeServer();
    server.alwaysBeaten = true;
    const append = appendChained({ streamId: 's', expectedRevision: 'any', events: [anEvent(1)] }, server.io, { maxAttempts: 3, ...noPause });
    await expect(append).rejects.toMatchObject({ httpStatus: 409, expected: 'any' });
    expect(server.writes).toBe(3);
  });

  it('refuses stream_exists on a missing stream before writing anything', async () => {
    const server = new FakeServer();
    await expect(appendChained({ streamId: 's', expectedRevision: 'stream_exists', events: [anEvent(1)] }, server.io)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(server.writes).toBe(0);
  });

  it('answers a retry racing its first attempt with the first outcome, stored once', async () => {
    const server = new FakeServer();
    const events = [anEvent(1), anEvent(2)];
    const [first, retry] = await Promise.all([
      appendChained({ streamId: 's', expectedRevision: 'no_stream', events }, server.io, noPause),
      appendChained({ streamId: 's', expectedRevision: 'no_stream', events }, server.io, noPause),
    ]);
    expect([first.duplicate, retry.duplicate].sort()).toEqual([false, true]);
    expect(retry.events.map((e) => e.position)).toEqual(first.events.map((e) => e.position));
    expect(server.stored).toHaveLength(2);
  });

  it('checks an empty append against the expectation and writes nothing', async () => {
    const server = new FakeServer();
    await expect(appendChained({ streamId: 's', expectedRevision: 'stream_exists', events: [] }, server.io)).rejects.toBeInstanceOf(ConcurrencyError);
    expect(await appendChained({ streamId: 's', expectedRevision: 'no_stream', events: [] }, server.io)).toEqual({ streamId: 's', nextExpectedRevision: -1, events: [], duplicate: false });
    expect(server.writes).toBe(0);
  });
});
