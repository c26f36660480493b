import { NewEvent, RecordedEvent } from '../event-envelope';
import { ConcurrencyError, IdempotencyConflictError, RecordedTimeGoesBackError } from '../errors/ledger-errors';
import { AppendResult, ExpectedRevision, StreamAppend } from './event-store.port';

/** Revision of an empty (never written) stream. */
export const NO_STREAM_REVISION = -1;

/** Refuses an append whose expected revision does not match the stream's current one. */
export function checkExpectedRevision(streamId: string, expected: ExpectedRevision, current: number): void {
  const ok =
    expected === 'any' ||
    (expected === 'no_stream' && current === NO_STREAM_REVISION) ||
    (expected === 'stream_exists' && current > NO_STREAM_REVISION) ||
    expected === current;
  if (!ok) {
    throw new ConcurrencyError(streamId, String(expected), current === NO_STREAM_REVISION ? 'no_stream' : String(current));
  }
}

/** A timestamp as `Date.prototype.toISOString` writes it, the form every recorded time takes. */
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** Programming errors in the batch itself: they never reach storage. */
export function assertWellFormed(appends: readonly StreamAppend[]): void {
  const streams = new Set<string>();
  const ids = new Set<string>();
  for (const { streamId, events, recordedAt } of appends) {
    if (!streamId) throw new Error('an append needs a stream id');
    if (recordedAt !== undefined && !ISO_INSTANT.test(recordedAt)) throw new Error(`the recorded time ${recordedAt} kept for ${streamId} is not an ISO timestamp`);
    if (streams.has(streamId)) throw new Error(`stream ${streamId} appears twice in one append`);
    streams.add(streamId);
    for (const event of events) {
      if (!event.id) throw new Error(`an event for ${streamId} has no id`);
      if (ids.has(event.id)) throw new Error(`event id ${event.id} appears twice in one append`);
      ids.add(event.id);
    }
  }
}

/**
 * Decides whether an append is a retry of one already stored.
 * Returns the original results when every event id is stored in the same stream, `undefined` when none is,
 * and refuses a batch that is partly stored or reuses an id in another stream.
 */
export function findReplay(
  appends: readonly StreamAppend[],
  lookup: (eventId: string) => RecordedEvent | undefined,
  currentRevision: (streamId: string) => number,
): AppendResult[] | undefined {
  const all: NewEvent[] = appends.flatMap((a) => a.events);
  if (all.length === 0) return undefined;
  const found = new Map<string, RecordedEvent>();
  for (const event of all) {
    const stored = lookup(event.id);
    if (stored) found.set(event.id, stored);
  }
  if (found.size === 0) return undefined;
  const misplaced = appends.some((a) => a.events.some((e) => found.get(e.id)?.streamId !== a.streamId));
  if (found.size !== all.length || misplaced) {
    throw new IdempotencyConflictError([...found.keys()]);
  }
  return appends.map((a) => ({
    streamId: a.streamId,
    nextExpectedRevision: currentRevision(a.streamId),
    events: a.events.map((e) => found.get(e.id)!),
    duplicate: true,
  }));
}

/** The timestamp a store gives a new event: now, unless the clock went back behind the last stored one. */
export function nextRecordedAt(lastRecordedAt: string | undefined, now: Date = new Date()): string {
  const candidate = now.toISOString();
  return lastRecordedAt && lastRecordedAt > candidate ? lastRecordedAt : candidate;
}

/** The latest of some ISO timestamps, ignoring the missing ones. */
export function latestTime(...times: ReadonlyArray<string | undefined>): string | undefined {
  return times.reduce<string | undefined>((latest, time) => (time !== undefined && (latest === undefined || time > latest) ? time : latest), undefined);
}

/** The recorded time an append keeps (a copy of the ledger), refused when it goes back behind `last`. */
export function keptRecordedAt(streamId: string, kept: string, last: string | undefined): string {
  if (last !== undefined && kept < last) throw new RecordedTimeGoesBackError(streamId, kept, last);
  return kept;
}

/** The recorded time of an append's events: the one it keeps, or now (see nextRecordedAt); never behind `last`. */
export const recordedAtOf = (append: StreamAppend, last: string | undefined, now?: Date): string =>
  append.recordedAt === undefined ? nextRecordedAt(last, now) : keptRecordedAt(append.streamId, append.recordedAt, last);
