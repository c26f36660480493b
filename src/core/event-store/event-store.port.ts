import { Observable } from 'rxjs';
import { NewEvent, RecordedEvent } from '../event-envelope';
import { LedgerIntegrity } from '../ledger-hash/integrity';

/**
 * What a writer expects the stream to look like before its append:
 * - `any`: no check;
 * - `no_stream`: the stream must not exist yet;
 * - `stream_exists`: the stream must have at least one event;
 * - a number: the revision of the stream's last event (optimistic concurrency).
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface StreamAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedRevision: ExpectedRevision;
}

export interface AppendResult {
  readonly streamId: string;
  /** Revision of the stream's last event after the append: pass it as `expectedRevision` next time. */
  readonly nextExpectedRevision: number;
  /** The stored events, in order, with their positions; for a replayed append, the events stored the first time. */
  readonly events: readonly RecordedEvent[];
  /** True when every event id was already stored: nothing was written, the original events are reported. */
  readonly duplicate: boolean;
}

export interface ReadStreamOptions {
  readonly fromRevision?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** First global position to return (inclusive); positions start at 1. */
  readonly fromPosition?: number;
  readonly maxCount?: number;
}

export interface EventStoreStats {
  readonly eventCount: number;
  readonly streamCount: number;
  /** Global position of the last event, 0 for an empty log. */
  readonly lastPosition: number;
}

/**
 * The ledger's only way to store and read facts. Adapters: SQLite (embedded default), in-memory (tests).
 *
 * Guarantees every adapter must keep (the contract suite in test/contract checks them):
 * - appends are atomic per call: all events of an `appendToStreams` call are stored or none is;
 * - event ids are idempotency keys: re-appending ids already stored writes nothing and reports the originals;
 *   a batch mixing stored and new ids is refused with an `IdempotencyConflictError`;
 * - a wrong expected revision is refused with a `ConcurrencyError` and writes nothing;
 * - global positions start at 1, are gap-free and follow the order of acknowledgement.
 */
export interface EventStore {
  /** False where the backend cannot append to several streams in one transaction. */
  readonly supportsMultiStreamAppend: boolean;

  /** Present where the backend keeps a hash chain over the log. */
  readonly integrity?: LedgerIntegrity;

  appendToStream(append: StreamAppend): Promise<AppendResult>;

  /** Appends to several streams in one transaction; throws where `supportsMultiStreamAppend` is false. */
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]>;

  /** Events of one stream in revision order; an unknown stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** A page of the global log in position order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /** Every event from a position on: first the stored ones, then each new one as it is appended. */
  subscribeToAll(options?: { readonly fromPosition?: number }): Observable<RecordedEvent>;

  /** Global position of the last stored event, 0 for an empty log; cheap enough to ask on every query. */
  headPosition(): Promise<number>;

  stats(): Promise<EventStoreStats>;

  close(): Promise<void>;
}

/** Nest injection token for the configured `EventStore`. */
export const EVENT_STORE = Symbol('EVENT_STORE');
