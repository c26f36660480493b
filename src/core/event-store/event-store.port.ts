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
  /**
   * When its events were first recorded, kept as it is by a copy of the ledger (`ledger copy`); without it the store
   * records them now. It may not be before the stream's last event, nor, where appends are serialised (SQLite, plain
   * memory), before the log's: recorded times never go back there. An ISO timestamp as `toISOString` writes it.
   */
  readonly recordedAt?: string;
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
  /**
   * First global position to return (inclusive); positions start at 1. To read on after an event, pass its
   * position + 1. Where positions are not gap-free, other numbers than those two are not meaningful.
   */
  readonly fromPosition?: number;
  readonly maxCount?: number;
}

export interface ReadByStreamOptions {
  /** Events at or below this global position only: a rebuild reads the log as it stood when it began. */
  readonly upToPosition: number;
  /** Go on after this event, the last of the previous page; from the first stream without it. */
  readonly after?: { readonly streamId: string; readonly revision: number };
  readonly maxCount: number;
  /**
   * Ends the page before `maxCount`, after the event that brings the length of its events' data and metadata (as JSON
   * text) to this many characters; a page holds one event at the least. Grouped by stream, a log's largest events sit
   * together (every decision, listing its items, in the decisions' streams), and a page counted in events alone would
   * hold them all at once. A page that ends early is not the end of the log: only an empty one is.
   */
  readonly maxJsonLength?: number;
}

export interface EventStoreStats {
  readonly eventCount: number;
  readonly streamCount: number;
  /** Global position of the last event, 0 for an empty log. */
  readonly lastPosition: number;
}

/**
 * The ledger's only way to store and read facts. Adapters: SQLite (embedded default), EventStoreDB (production
 * cluster), in-memory (tests).
 *
 * Guarantees every adapter must keep (the contract suite in test/contract checks them):
 * - appends are atomic per call: all events of an append call are stored or none is;
 * - event ids are idempotency keys: re-appending ids already stored in a stream writes nothing and reports the
 *   originals; a batch mixing stored and new ids is refused with an `IdempotencyConflictError`;
 * - a wrong expected revision is refused with a `ConcurrencyError` and writes nothing;
 * - global positions follow the order of acknowledgement and are safe integers;
 * - a backend that cannot be reached is reported with an `UnavailableError` (HTTP 503), never a raw error.
 *
 * What differs between backends is stated by the capability flags below, never guessed from the adapter's class.
 */
export interface EventStore {
  /** False where the backend cannot append to several streams in one transaction (EventStoreDB). */
  readonly supportsMultiStreamAppend: boolean;

  /**
   * True where global positions are 1, 2, 3… with no gaps (SQLite, memory). Where false (EventStoreDB) positions
   * only order events: there may be gaps, and `lastPosition` is not a count.
   */
  readonly positionsAreGapFree: boolean;

  /**
   * True where an event id stored in one stream is refused in any other (SQLite, memory). Where false
   * (EventStoreDB) ids are idempotency keys within their stream only.
   */
  readonly eventIdsUniqueAcrossStreams: boolean;

  /**
   * Present where the backend keeps a hash chain: over the whole log (SQLite), or over each stream with digests over
   * the log's order (EventStoreDB, and memory standing in for it).
   */
  readonly integrity?: LedgerIntegrity;

  appendToStream(append: StreamAppend): Promise<AppendResult>;

  /** Appends to several streams in one transaction; throws where `supportsMultiStreamAppend` is false. */
  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]>;

  /** Events of one stream in revision order; an unknown stream reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;

  /** A page of the global log in position order. */
  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]>;

  /**
   * A page of the log grouped by stream: streams in the order of their ids, each one's events in revision order.
   * Offered where the backend indexes streams so (SQLite): a rebuild then folds each document of one stream from its
   * first event to its last at once. Absent where reading so would mean one request per stream (EventStoreDB).
   */
  readAllByStream?(options: ReadByStreamOptions): Promise<RecordedEvent[]>;

  /**
   * Every event from a position on (as in `ReadAllOptions.fromPosition`): first the stored ones, then each new one
   * as it is appended. A subscription survives a backend restart: it resumes after the last event it delivered.
   */
  subscribeToAll(options?: { readonly fromPosition?: number }): Observable<RecordedEvent>;

  /** Global position of the last stored event, 0 for an empty log; cheap enough to ask on every query. */
  headPosition(): Promise<number>;

  stats(): Promise<EventStoreStats>;

  close(): Promise<void>;
}

/** Nest injection token for the configured `EventStore`. */
export const EVENT_STORE = Symbol('EVENT_STORE');
