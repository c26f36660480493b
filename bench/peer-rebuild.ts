/**
 * The rebuild workloads over the peer's log (Emmett's SQLite event store), each measured in a fresh Node process
 * like the ledger's (see measure-in-child.ts).
 *
 * - `read`: Emmett's `readMessagesBatch`, page after page in global order, events parsed and nothing else done: the
 *   peer's read rate. `port-read` is the ledger's counterpart: the EventStore port's `readAll`, page after page.
 * - `consume`: Emmett's consumer, its way of reading every message in global order: it pulls pages, hands each
 *   message to a processor and stores the processor's checkpoint after every message, in one transaction a page.
 *   With no projections it measures the consumer alone; with `fold` it is the peer's rebuild. (In 0.38.5 the
 *   checkpoint stops moving after the first page: each later page starts by trying to insert it anew, fails, and
 *   then updates only where the stored value is the message before; the statements are paid all the same.)
 *
 * Where the rebuild folds to: the same projection definitions (projections/) fold into the same SQLite read store
 * through the same runtime (ProjectionBatch, the documents it keeps in memory and writes a page at a time, indexes
 * built at the end), as the ledger's rebuild does. Emmett 0.38.5's SQLite package has no document store of its own:
 * its projections are handlers given a connection, and a handler writing each document per event would measure how
 * the handler was written, not Emmett. An in-memory store would spare the peer the writes the ledger pays for. So the
 * peer's rebuild differs from the ledger's only in what Emmett contributes: storing the log and reading it back.
 *
 * Run alone (after `npm run build`): node dist/bench/peer-rebuild.js '{"kind":"read","file":"/path/to/emmett.sqlite"}'
 */
import { readMessagesBatch, sqliteConnection, SQLiteConnection } from '@event-driven-io/emmett-sqlite';
import { RecordedEvent } from '../src/core/event-envelope';
import { SqliteEventStore } from '../src/core/event-store/sqlite-event-store';
import { BatchTarget, ProjectionBatch } from '../src/core/projection/projection-batch';
import { SqliteReadStore } from '../src/core/projection/read-store';
import { DEFAULT_KEPT_BYTES, DEFAULT_PAGE_SIZE } from '../src/core/projection/rebuild';
import { ALL_PROJECTIONS } from '../projections';
import { PeerEvent, PeerStore, toRecordedEvent } from './emmett-peer';
import { answerInChild, Measured, runInChild } from './measure-in-child';
import { PeakRssSampler } from './peak-rss';

export type PeerMeasurement =
  | { readonly kind: 'read'; readonly file: string }
  | { readonly kind: 'port-read'; readonly file: string }
  | { readonly kind: 'consume'; readonly file: string; readonly fold?: { readonly readFile: string } };

export function measurePeerInChild(measurement: PeerMeasurement): Promise<Measured> {
  return runInChild(__filename, measurement);
}

async function measure(measurement: PeerMeasurement): Promise<Measured> {
  const startRssMb = Math.round(process.memoryUsage.rss() / 1048576);
  const sampler = new PeakRssSampler(100);
  const started = performance.now();
  const events =
    measurement.kind === 'read'
      ? await readAll(measurement.file)
      : measurement.kind === 'port-read'
        ? await readAllThroughPort(measurement.file)
        : await consumeAll(measurement.file, measurement.fold?.readFile);
  const seconds = (performance.now() - started) / 1000;
  return { events, seconds, eventsPerSecond: Math.round(events / seconds), startRssMb, peakRssMb: await sampler.stop() };
}

async function readAll(file: string): Promise<number> {
  const connection = sqliteConnection({ fileName: file });
  try {
    let events = 0;
    for (let after = 0n; ; ) {
      const page = await readMessagesBatch<PeerEvent>(connection, { after, batchSize: DEFAULT_PAGE_SIZE });
      events += page.messages.length;
      after = page.currentGlobalPosition;
      if (!page.areEventsLeft) return events;
    }
  } finally {
    connection.close();
  }
}

async function readAllThroughPort(file: string): Promise<number> {
  const store = new SqliteEventStore({ file });
  try {
    let events = 0;
    for (let page = await store.readAll({ maxCount: DEFAULT_PAGE_SIZE }); page.length > 0; ) {
      events += page.length;
      page = await store.readAll({ fromPosition: page[page.length - 1].position + 1, maxCount: DEFAULT_PAGE_SIZE });
    }
    return events;
  } finally {
    await store.close();
  }
}

/** Reads the whole log through Emmett's consumer, folding each message into the projections when given a read store. */
async function consumeAll(file: string, readFile?: string): Promise<number> {
  // The consumer polls for ever: it is told to stop after the last message stored when it starts.
  const head = await lastPosition(file);
  const store = new PeerStore(file).eventStore;
  const fold = readFile ? projectionsInto(new SqliteReadStore(readFile), store) : undefined;
  // A page as large as the ledger's rebuild reads (Emmett's default is 100), and no pause between pages (50 ms).
  const consumer = store.consumer({ pulling: { batchSize: DEFAULT_PAGE_SIZE, pullingFrequencyInMs: 0 } });
  let events = 0;
  let failure: unknown;
  consumer.processor<PeerEvent>({
    processorId: 'benchmark-rebuild',
    startFrom: 'BEGINNING',
    stopAfter: (message) => message.metadata.globalPosition >= head,
    eachMessage: async (message) => {
      try {
        events += 1;
        await fold?.apply(toRecordedEvent(message), events % DEFAULT_PAGE_SIZE === 0);
      } catch (error) {
        // The consumer settles its processors and stops quietly on a failure: keep it to report it.
        failure = error;
        return { type: 'STOP' };
      }
    },
  });
  await consumer.start();
  await consumer.stop();
  if (failure) throw failure;
  if (BigInt(events) !== head) throw new Error(`the consumer delivered ${events} events of ${head}`);
  fold?.finish();
  // Not timed in the ledger's rebuild either: closing (the consumer's close also waits 250 ms).
  void consumer.close();
  return events;
}

/** Every projection, folded and written as the ledger's rebuild does (see rebuild.ts). */
function projectionsInto(readStore: SqliteReadStore, store: PeerStore['eventStore']) {
  const targets: BatchTarget[] = ALL_PROJECTIONS.map((projection) => ({
    projection,
    generation: readStore.createGeneration(projection, { indexed: false }),
    position: 0,
    live: false,
  }));
  // Only a correction refolds a stream; the synthetic log has none, but the loader is Emmett's all the same.
  const loadStream = async (streamId: string, upTo: number): Promise<RecordedEvent[]> =>
    (await store.readStream<PeerEvent>(streamId)).events.map(toRecordedEvent).filter((event) => event.position <= upTo);
  const batch = new ProjectionBatch(readStore, targets, loadStream, DEFAULT_KEPT_BYTES);
  let last = 0;
  return {
    async apply(event: RecordedEvent, endOfPage: boolean): Promise<void> {
      await batch.apply([event]);
      last = event.position;
      if (endOfPage) batch.flush();
    },
    finish(): void {
      batch.flush({ all: true });
      readStore.db.transaction(() => {
        for (const t of targets) {
          readStore.createIndexes(t.projection, t.generation);
          readStore.makeLive(t.projection, t.generation, last);
        }
      })();
      readStore.close();
    },
  };
}

/** Emmett 0.38.5's readLastMessageGlobalPosition returns the first position (it orders ascending), so ask SQLite. */
async function lastPosition(file: string): Promise<bigint> {
  const connection: SQLiteConnection = sqliteConnection({ fileName: file });
  try {
    const row = await connection.querySingle<{ last: number | null }>('SELECT MAX(global_position) AS last FROM emt_messages');
    return BigInt(row?.last ?? 0);
  } finally {
    connection.close();
  }
}

if (require.main === module) answerInChild(measure);
