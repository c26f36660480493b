import { createHash } from 'node:crypto';
import { RecordedEvent } from '../event-envelope';
import { fieldsHash } from '../ledger-hash/event-hash';
import { stableJson } from '../stable-json';
import { EventStore, StreamAppend } from './event-store.port';

/*
 * A copy of a ledger onto another backend: a log on SQLite moved to an EventStoreDB cluster, or back, or into another
 * folder. Each event keeps its id, stream, revision, type, data, metadata and the time it was first recorded, and the
 * events keep their order; the destination gives them its own positions and hashes them in its own chain. A copy
 * stopped part-way is taken up again where it stopped, and a destination that holds anything but the source's first
 * events is refused before anything is written.
 */

/** How far a copy has come, as a rebuild reports it (RebuildProgress): by the source's positions, which count on any backend. */
export interface CopyProgress {
  /** Position in the source of the last event the destination holds, of `head`. */
  readonly position: number;
  readonly head: number;
  /** Events written by this copy so far. */
  readonly events: number;
  readonly elapsedMs: number;
}

export interface CopyOptions {
  /** Events read from the source at a time, and at most written in one transaction where the destination can. */
  readonly pageSize?: number;
  readonly onProgress?: (progress: CopyProgress) => void;
}

export interface LedgerCopy {
  /** Events the destination held before, the first of the source's (a copy stopped part-way). */
  readonly heldBefore: number;
  readonly written: number;
  /** Events of the source when the copy began, all now in the destination. */
  readonly total: number;
  /** SHA-256 over every event's content in log order, the same on both sides (see contentDigest). */
  readonly digest: string;
}

/** Why a copy cannot be made or taken up: nothing was written. */
export class CopyRefusedError extends Error {}

const DEFAULT_PAGE_SIZE = 1000;

/**
 * Copies the source's log, as it stands when the copy begins, into the destination: first compares what the destination
 * holds with the source's first events, then writes the rest and reads it back, so that in the end every event of the
 * destination has been compared with the source's at its place.
 */
export async function copyLedger(source: EventStore, destination: EventStore, options: CopyOptions = {}): Promise<LedgerCopy> {
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const started = Date.now();
  const head = await source.headPosition();
  const held = await heldPrefix(source, destination, head, pageSize, startOfLogs());
  let written = 0;
  for await (const page of pagesOf(source, head, pageSize, held.nextPosition ?? head + 1)) {
    await writeInOrder(destination, appendsOf(page));
    written += page.length;
    options.onProgress?.({ position: page.at(-1)!.position, head, events: written, elapsedMs: Date.now() - started });
  }
  // What this copy wrote, read back and compared on from where the comparison above stopped.
  const copied = await heldPrefix(source, destination, head, pageSize, held);
  if (copied.nextPosition !== undefined) throw new Error(`the destination lacks the source's event at position ${copied.nextPosition} after the copy`);
  return { heldBefore: held.count, written, total: copied.count, digest: copied.digest.hex() };
}

/**
 * The appends that write a page of the log again: one per run of events of one stream recorded at one time (as they
 * were appended), each expecting the revision before its first event, so that no event can land twice or out of place.
 */
export function appendsOf(events: readonly RecordedEvent[]): StreamAppend[] {
  const appends: Array<StreamAppend & { events: RecordedEvent[] }> = [];
  for (const event of events) {
    const last = appends.at(-1);
    if (last && last.streamId === event.streamId && last.recordedAt === event.recordedAt) {
      last.events.push(event);
      continue;
    }
    const expectedRevision = event.revision === 0 ? 'no_stream' : event.revision - 1;
    appends.push({ streamId: event.streamId, expectedRevision, recordedAt: event.recordedAt, events: [event] });
  }
  return appends.map(({ events: run, ...append }) => ({ ...append, events: run.map(({ id, type, schemaVersion, data, metadata }) => ({ id, type, schemaVersion, data, metadata })) }));
}

/**
 * Writes appends in their order. Where the destination writes several streams in one transaction, consecutive appends
 * go together as long as each names a stream once; elsewhere, one after the other.
 */
async function writeInOrder(destination: EventStore, appends: readonly StreamAppend[]): Promise<void> {
  if (!destination.supportsMultiStreamAppend) {
    for (const append of appends) await destination.appendToStream(append);
    return;
  }
  let group: StreamAppend[] = [];
  const streams = new Set<string>();
  for (const append of appends) {
    if (streams.has(append.streamId)) {
      await destination.appendToStreams(group);
      group = [];
      streams.clear();
    }
    group.push(append);
    streams.add(append.streamId);
  }
  if (group.length > 0) await destination.appendToStreams(group);
}

interface HeldPrefix {
  /** Events the destination holds, each the same as the source's at its place. */
  readonly count: number;
  /** Position in the source of the first event the destination lacks; undefined when it lacks none up to the head. */
  readonly nextPosition: number | undefined;
  /** Position in the destination to compare on from: after the last event held. */
  readonly destinationFrom: number;
  /** Over the events held so far; more are added to it. */
  readonly digest: ContentDigest;
}

const startOfLogs = (): HeldPrefix => ({ count: 0, nextPosition: 1, destinationFrom: 1, digest: contentDigest() });

/**
 * How far the destination holds the source's log up to `head`, event for event, compared on from `from`; refused
 * (CopyRefusedError) when one differs, or the destination holds more.
 */
async function heldPrefix(source: EventStore, destination: EventStore, head: number, pageSize: number, from: HeldPrefix): Promise<HeldPrefix> {
  const { digest } = from;
  const theirs = readLog(source, head, pageSize, from.nextPosition ?? head + 1);
  let { count, destinationFrom } = from;
  for await (const held of readLog(destination, Number.MAX_SAFE_INTEGER, pageSize, from.destinationFrom)) {
    const next = await theirs.next();
    if (next.done) {
      throw new CopyRefusedError(`the destination holds more events than the source's ${count}: copy into an empty ledger, or into one a copy of this source stopped part-way`);
    }
    const difference = differenceOf(next.value, held);
    if (difference) {
      throw new CopyRefusedError(
        `the destination's event ${count + 1} (${held.id} in ${held.streamId}) is not the source's (${next.value.id} in ${next.value.streamId}): ${difference} differs. ` +
          'Copy into an empty ledger, or into one a copy of this source stopped part-way',
      );
    }
    digest.add(next.value);
    count++;
    destinationFrom = held.position + 1;
  }
  const next = await theirs.next();
  await theirs.return(undefined);
  return { count, nextPosition: next.done ? undefined : next.value.position, destinationFrom, digest };
}

/** The field in which two events differ as a copy keeps them, or undefined when they are the same. */
export function differenceOf(a: RecordedEvent, b: RecordedEvent): string | undefined {
  const fields = ['id', 'streamId', 'revision', 'type', 'schemaVersion', 'recordedAt'] as const;
  const plain = fields.find((field) => a[field] !== b[field]);
  if (plain) return plain;
  if (!sameJson(a.data, b.data)) return 'data';
  if (!sameJson(a.metadata, b.metadata)) return 'metadata';
  return undefined;
}

/** Equal as JSON whatever the order of keys; keys sorted only when the plain texts differ (a fifth of a copy's time). */
const sameJson = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b) || stableJson(a) === stableJson(b);

/** A digest fed one event at a time, in log order. */
export interface ContentDigest {
  add(event: RecordedEvent): void;
  hex(): string;
}

/**
 * SHA-256 over the hashes of every event's content as a copy keeps it (its fields as the chains hash them, data and
 * metadata as JSON with sorted keys, but no position and no previous hash), in log order: two ledgers holding the same
 * events in the same order give the same digest, whatever their backend.
 */
export function contentDigest(): ContentDigest {
  const hash = createHash('sha256');
  return {
    add: (event) => {
      const { id, streamId, revision, type, schemaVersion, recordedAt } = event;
      hash.update(fieldsHash([id, streamId, String(revision), type, String(schemaVersion), stableJson(event.data), stableJson(event.metadata), recordedAt]));
    },
    hex: () => hash.digest('hex'),
  };
}

/**
 * The content digest (see contentDigest) of a ledger's first `size` events, or of all: the same for a ledger and its
 * copy on any backend, where their Merkle roots differ (each covers its own chain).
 */
export async function contentDigestOf(store: EventStore, size = Number.MAX_SAFE_INTEGER): Promise<{ size: number; content: string }> {
  const digest = contentDigest();
  let count = 0;
  for await (const event of readLog(store, Number.MAX_SAFE_INTEGER, DEFAULT_PAGE_SIZE, 1)) {
    if (count === size) break;
    digest.add(event);
    count++;
  }
  return { size: count, content: digest.hex() };
}

/** The log's events from a position up to `head`, a page at a time. */
async function* pagesOf(store: EventStore, head: number, pageSize: number, fromPosition: number): AsyncGenerator<RecordedEvent[]> {
  for (let from = fromPosition; ; ) {
    const page = await store.readAll({ fromPosition: from, maxCount: pageSize });
    const upToHead = page.filter((event) => event.position <= head);
    if (upToHead.length > 0) yield upToHead;
    if (page.length < pageSize || upToHead.length < page.length) return;
    from = page.at(-1)!.position + 1;
  }
}

/** The log's events from a position up to `head`, one at a time. */
async function* readLog(store: EventStore, head: number, pageSize: number, fromPosition: number): AsyncGenerator<RecordedEvent> {
  for await (const page of pagesOf(store, head, pageSize, fromPosition)) yield* page;
}
