/**
 * The append workloads, side by side for the limit (raw better-sqlite3 inserts), the ledger (the EventStore port)
 * and the peer (Emmett, both ways in: see emmett-peer.ts), over the same synthetic events, each in its own file.
 * Every writer syncs every commit (synchronous=FULL): appends are durable on acknowledgement for all of them.
 */
import { join } from 'node:path';
import { StreamAppend } from '../src/core/event-store/event-store.port';
import { SqliteEventStore } from '../src/core/event-store/sqlite-event-store';
import { RawInserts } from './append-throughput';
import { PeerConnection, PeerStore } from './emmett-peer';
import { compare, Compared, timeSideBySide, Writer } from './side-by-side';
import { BATCH_EVENTS, SyntheticLog } from './synthetic-log';

export const WRITERS = {
  raw: 'raw better-sqlite3 inserts, same indexes',
  us: 'EventStore port',
  peer: "Emmett appendToStream, one open connection",
  peerStore: "Emmett's EventStore (opens the file per call)",
} as const;
export type WriterName = keyof typeof WRITERS;
export type AppendResults = Readonly<Record<WriterName, Compared>>;

export interface AppendWorkload {
  readonly results: AppendResults;
  /** Calls of Emmett's EventStore refused at COMMIT and tried again (see PeerStore). */
  readonly peerStoreRetries: number;
}

/** Where the batched workload left its logs: the rebuild workloads read them back. */
export interface BatchedLogs {
  readonly raw: string;
  readonly us: string;
  readonly peer: string;
}

/**
 * Single-event commands: each append is one event to one stream, in its own transaction, as the service writes a
 * command on one procedure. The events are the synthetic log's, taken one stream append at a time; a log planned for
 * `count` events reaches its decisions, amendments and cuts within the first `count`, so every event type is there.
 * These are fsync-bound: a few thousand are enough.
 */
export async function measureSingleEventAppends(dir: string, count: number): Promise<AppendWorkload> {
  const file = (name: string) => join(dir, `single-${name}.sqlite`);
  const us = new SqliteEventStore({ file: file('us'), synchronous: 'FULL' });
  const raw = new RawInserts(file('raw'), file('us'));
  const peer = await PeerConnection.open(file('peer'));
  const peerStore = new PeerStore(file('peer-store'));
  try {
    const result = await timeSideBySide(commands(count), (append) => append.events.length, [
      { name: 'raw', write: (append) => raw.write([append]) },
      { name: 'us', write: (append) => us.appendToStream(append) },
      { name: 'peer', write: (append) => peer.append(append) },
      { name: 'peerStore', write: (append) => peerStore.append(append) },
    ] satisfies Array<Writer<StreamAppend> & { name: WriterName }>);
    return { results: compareAll(result), peerStoreRetries: peerStore.retries };
  } finally {
    await us.close();
    raw.close();
    peer.close();
  }
}

/**
 * Batched appends: decisions of about 500 events over as many streams, `total` events in all. The ledger and the limit
 * write a decision in one transaction; so does Emmett's function on one connection, by nesting its per-stream appends
 * in one `withTransaction`. Emmett's EventStore cannot: it writes a decision as one append per stream, each its own
 * transaction (a crash halfway leaves half a decision), and opens the file for each, so it takes only the first
 * decisions, `storeSample` events' worth, and its ratios are taken over those same decisions.
 */
export async function measureBatchedAppends(dir: string, total: number, storeSample: number): Promise<AppendWorkload & { logs: BatchedLogs }> {
  const logs: BatchedLogs = { raw: join(dir, 'batched-raw.sqlite'), us: join(dir, 'batched-us.sqlite'), peer: join(dir, 'batched-peer.sqlite') };
  const us = new SqliteEventStore({ file: logs.us, synchronous: 'FULL' });
  const raw = new RawInserts(logs.raw, logs.us);
  const peer = await PeerConnection.open(logs.peer);
  const peerStore = new PeerStore(join(dir, 'batched-peer-store.sqlite'));
  const storeBatches = Math.ceil(storeSample / BATCH_EVENTS);
  try {
    const result = await timeSideBySide(batches(total), (appends) => appends.reduce((sum, a) => sum + a.events.length, 0), [
      { name: 'raw', write: (appends) => raw.write(appends) },
      { name: 'us', write: (appends) => us.appendToStreams(appends) },
      { name: 'peer', write: (appends) => peer.appendAll(appends) },
      {
        name: 'peerStore',
        write: async (appends) => {
          for (const append of appends) await peerStore.append(append);
        },
        takes: (index) => index < storeBatches,
      },
    ] satisfies Array<Writer<readonly StreamAppend[]> & { name: WriterName }>);
    return { results: compareAll(result), peerStoreRetries: peerStore.retries, logs };
  } finally {
    await us.close();
    raw.close();
    peer.close();
  }
}

function* batches(total: number): Generator<StreamAppend[]> {
  const log = new SyntheticLog(total);
  for (let events = 0; events < total; ) {
    const appends = log.nextBatch(Math.min(BATCH_EVENTS, total - events));
    events += appends.reduce((sum, a) => sum + a.events.length, 0);
    yield appends;
  }
}

function* commands(count: number): Generator<StreamAppend> {
  let made = 0;
  for (const appends of batches(count)) {
    for (const append of appends) {
      if (made++ === count) return;
      yield append;
    }
  }
}

const compareAll = (result: Awaited<ReturnType<typeof timeSideBySide>>): AppendResults =>
  Object.fromEntries(Object.keys(WRITERS).map((name) => [name, compare(result, name, ['raw', 'us'])])) as AppendResults;
