import fc from 'fast-check';
import { drawnAppends, expectSameLedger, logOf, storesPerTest, written } from '../../../test/support/drawn-ledgers';
import { UnavailableError } from '../errors/ledger-errors';
import { EventStore } from './event-store.port';
import { contentDigestOf, copyLedger, CopyRefusedError, differenceOf } from './ledger-copy';
import { MemoryEventStore } from './memory-event-store';

const BACKENDS = ['sqlite', 'memory', 'esdb-like'] as const;
type Backend = (typeof BACKENDS)[number];

describe('a copy of the ledger onto another backend', () => {
  const stores = storesPerTest('ledger-copy-');
  const open = (backend: Backend, name: string): EventStore =>
    backend === 'sqlite' ? stores.sqlite(name) : backend === 'memory' ? stores.kept(new MemoryEventStore()) : stores.serverLike();

  it('holds every event of the source, in its order, with its ids, revisions, content and recorded times, and verifies; stopped part-way, it is taken up where it stopped', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...BACKENDS), fc.constantFrom(...BACKENDS), drawnAppends, fc.nat(40), fc.integer({ min: 1, max: 7 }), async (from, to, appends, stopAfter, pageSize) => {
        run++;
        const source = open(from, `source-${run}`);
        const destination = open(to, `destination-${run}`);
        await written(source, appends);
        const total = (await logOf(source)).length;

        // A first copy stops after some of its writes, as if the machine went down.
        let writes = 0;
        const stopping = (write: (...args: never[]) => Promise<unknown>) =>
          (async (...args: never[]) => {
            if (writes++ >= stopAfter) throw new UnavailableError('stopped');
            return write(...args);
          }) as never;
        const [one, many] = [destination.appendToStream.bind(destination), destination.appendToStreams.bind(destination)];
        destination.appendToStream = stopping(one);
        destination.appendToStreams = stopping(many);
        const first = await copyLedger(source, destination, { pageSize }).catch((error: Error) => error);
        destination.appendToStream = one;
        destination.appendToStreams = many;

        const copy = await copyLedger(source, destination, { pageSize });
        await expectSameLedger(source, destination);
        expect(copy.total).toBe(total);
        expect(copy.heldBefore + copy.written).toBe(total);
        if (first instanceof Error) expect(first.message).toBe('stopped');
        else expect(copy).toMatchObject({ heldBefore: total, written: 0 });
        expect(copy.digest).toBe((await contentDigestOf(source)).content);
        expect(await contentDigestOf(destination)).toEqual({ size: total, content: copy.digest });
      }),
      { numRuns: 60 },
    );
  }, 60_000);

  it('copies the log as it stood when it began; a second copy brings the events appended since', async () => {
    const source = open('sqlite', 'source');
    const destination = open('esdb-like', 'destination');
    await written(source, [[{ stream: 1, events: 3 }], [{ stream: 2, events: 2 }]]);
    let appendedDuring: Promise<void> | undefined;

    const first = await copyLedger(source, destination, {
      pageSize: 2,
      onProgress: ({ events: count }) => void (count === 2 && (appendedDuring = written(source, [[{ stream: 1, events: 1 }]]))),
    });
    await appendedDuring;
    expect(first).toMatchObject({ heldBefore: 0, written: 5, total: 5 });
    expect(await logOf(destination)).toHaveLength(5);
    expect(await logOf(source)).toHaveLength(6);

    const second = await copyLedger(source, destination);
    expect(second).toMatchObject({ heldBefore: 5, written: 1, total: 6 });
    await expectSameLedger(source, destination);
  });

  it('refuses a destination that holds other events, or more than the source, and writes nothing there', async () => {
    const source = open('sqlite', 'source');
    await written(source, [[{ stream: 1, events: 2 }]]);
    const other = open('sqlite', 'other');
    await written(other, [[{ stream: 1, events: 1 }]]);

    await expect(copyLedger(source, other)).rejects.toThrow(CopyRefusedError);
    await expect(copyLedger(source, other)).rejects.toThrow(/^the destination's event 1 \(.+ in procedure-1\.000001\) is not the source's \(.+\): id differs/);
    expect(await logOf(other)).toHaveLength(1);

    const longer = open('memory', 'longer');
    await copyLedger(source, longer);
    await written(longer, [[{ stream: 3, events: 1 }]]);
    await expect(copyLedger(source, longer)).rejects.toThrow("the destination holds more events than the source's 2");
    expect(await logOf(longer)).toHaveLength(3);
  });

  it('names the field in which two events differ', async () => {
    const store = open('memory', 'one');
    await written(store, [[{ stream: 1, events: 1 }]]);
    const [event] = await logOf(store);
    expect(differenceOf(event, { ...event, position: 99 })).toBeUndefined();
    expect(differenceOf(event, { ...event, recordedAt: '2020-01-01T00:00:00.000Z' })).toBe('recordedAt');
    expect(differenceOf(event, { ...event, data: { ...(event.data as object), days: 27843 } })).toBe('data');
    expect(differenceOf(event, { ...event, metadata: { ...event.metadata, actor: 'someone' } })).toBe('metadata');
    // Key order is not content.
    expect(differenceOf(event, { ...event, data: Object.fromEntries(Object.entries(event.data as object).reverse()) })).toBeUndefined();
  });
});
