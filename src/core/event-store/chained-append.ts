import { ConcurrencyError } from '../errors/ledger-errors';
import { ChainedNewEvent, chainEvents, StreamHead } from '../ledger-hash/stream-chain';
import { checkExpectedRevision, keptRecordedAt, NO_STREAM_REVISION } from './append-rules';
import { AppendResult, StreamAppend } from './event-store.port';

/** What a backend answers to a write at an exact revision: the stored result, or the revision it found instead. */
export type ChainedWrite = { readonly written: AppendResult } | { readonly conflict: string };

/** The reads and writes of one stream-chained backend; `appendChained` decides what to do with them. */
export interface ChainedAppendIo {
  /** The stream's last event (revision, hash, recorded time), or `EMPTY_STREAM`. */
  head(streamId: string): Promise<StreamHead>;
  /**
   * Stores the events if, and only if, the stream's last revision is still `expectedRevision` (-1: no stream yet);
   * otherwise stores nothing and answers the revision found, in the port's words.
   */
  write(streamId: string, events: readonly ChainedNewEvent[], expectedRevision: number): Promise<ChainedWrite>;
  /** The original results when every id of the append is stored already; see `findReplay`. */
  replay(append: StreamAppend): Promise<AppendResult | undefined>;
  /** The recorded time of events chained on this head: never before it. */
  recordedAt(head: StreamHead): string;
}

export interface ChainedAppendOptions {
  /** Writes tried before a caller who allowed any revision is told of a conflict. */
  readonly maxAttempts?: number;
  readonly pause?: (attempt: number) => Promise<void>;
}

const jitter = (attempt: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));

/**
 * Appends to a stream-chained backend (EventStoreDB) so that the chain can never fork.
 *
 * Each event's hash names the hash of the event before it in its stream, so the append must know the stream's last
 * event, and that event must still be the last when the append lands. Written with the caller's `any` or
 * `stream_exists`, two writers that read the same last event would both be stored, one after the other, each naming
 * the same predecessor: the second's link would be wrong and the log would fail verification though nobody tampered
 * with it. So the write always expects the exact revision it chained on; the server refuses the writer that comes
 * second, which reads the new last event and chains again, as long as the caller's own expectation allows it (`any`,
 * `stream_exists`). A caller who named a revision gets the conflict, as on every backend.
 */
export async function appendChained(append: StreamAppend, io: ChainedAppendIo, options: ChainedAppendOptions = {}): Promise<AppendResult> {
  const { streamId, events, expectedRevision } = append;
  const maxAttempts = options.maxAttempts ?? 10;
  const pause = options.pause ?? jitter;
  const retriable = expectedRevision === 'any' || expectedRevision === 'stream_exists';
  // A retry sent without an exact revision would chain its events again: find it by its ids first.
  if (events.length > 0 && retriable) {
    const replay = await io.replay(append);
    if (replay) return replay;
  }
  for (let attempt = 1; ; attempt++) {
    const head = await io.head(streamId);
    try {
      checkExpectedRevision(streamId, expectedRevision, head.revision);
    } catch (error) {
      const replay = events.length > 0 ? await io.replay(append) : undefined;
      if (replay) return replay;
      throw error;
    }
    if (events.length === 0) return { streamId, nextExpectedRevision: head.revision, events: [], duplicate: false };
    const recordedAt = append.recordedAt === undefined ? io.recordedAt(head) : keptRecordedAt(streamId, append.recordedAt, head.recordedAt);
    const outcome = await io.write(streamId, chainEvents(head, streamId, events, recordedAt), head.revision);
    if ('written' in outcome) return outcome.written;
    // Another writer came first: perhaps with these very ids (a racing retry), else chain on what it wrote.
    const replay = await io.replay(append);
    if (replay) return replay;
    if (!retriable || attempt >= maxAttempts) throw new ConcurrencyError(streamId, String(expectedRevision), outcome.conflict);
    await pause(attempt);
  }
}

/** The port's words for a revision found: a number, or `no_stream`. */
export const revisionInWords = (revision: number): string => (revision === NO_STREAM_REVISION ? 'no_stream' : String(revision));
