import { Observable, Subject } from 'rxjs';
import { NewEvent, RecordedEvent } from '../event-envelope';
import { LedgerIntegrity } from '../ledger-hash/integrity';
import { ChainedRecord, ChainLink, EMPTY_STREAM, StreamHead, storedTextOf } from '../ledger-hash/stream-chain';
import { StreamChainIntegrity } from '../ledger-hash/stream-chain-integrity';
import { assertWellFormed, checkExpectedRevision, findReplay, latestTime, nextRecordedAt, NO_STREAM_REVISION, recordedAtOf } from './append-rules';
import { appendChained, ChainedAppendIo, ChainedWrite, revisionInWords } from './chained-append';
import { catchUpSubscription } from './catch-up-subscription';
import {
  AppendResult,
  EventStore,
  EventStoreStats,
  ReadAllOptions,
  ReadStreamOptions,
  StreamAppend,
} from './event-store.port';

export interface MemoryEventStoreOptions {
  /**
   * False makes the store behave like a backend without multi-stream transactions (EventStoreDB), so the code
   * paths written for such backends run in tests without a server. Default true.
   */
  readonly multiStreamAppend?: boolean;
  /**
   * `stream` keeps EventStoreDB's tamper evidence: each event is chained to the one before it in its stream and
   * appended at the exact revision it chained on, through the same code as that adapter (`appendChained`), so
   * verification, digests and proofs on that backend run in tests without a server. Needs `multiStreamAppend: false`.
   */
  readonly hashChain?: 'stream';
  /**
   * True spaces positions apart, as EventStoreDB's are (even numbers, with gaps), so that code counting with
   * positions instead of comparing them fails in tests.
   */
  readonly positionGaps?: boolean;
}

/** Keeps the log in memory: for tests and throw-away runs. Same guarantees as the durable adapters. */
export class MemoryEventStore implements EventStore {
  readonly supportsMultiStreamAppend: boolean;
  readonly positionsAreGapFree: boolean;
  readonly eventIdsUniqueAcrossStreams = true;
  readonly integrity?: LedgerIntegrity;
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  /** Each event's link in its stream's chain, by id, when the store keeps one. */
  private readonly links = new Map<string, ChainLink>();
  private readonly appended$ = new Subject<void>();
  private readonly chainIo?: ChainedAppendIo;

  constructor(options: MemoryEventStoreOptions = {}) {
    this.supportsMultiStreamAppend = options.multiStreamAppend ?? true;
    this.positionsAreGapFree = !options.positionGaps;
    if (options.hashChain === 'stream') {
      if (this.supportsMultiStreamAppend) throw new Error('a stream hash chain stands for EventStoreDB: it needs multiStreamAppend: false');
      this.chainIo = this.chainedIo();
      this.integrity = new StreamChainIntegrity(() => this.chainedRecords());
    }
  }

  async appendToStream(append: StreamAppend): Promise<AppendResult> {
    if (this.chainIo) {
      assertWellFormed([append]);
      return appendChained(append, this.chainIo);
    }
    const [result] = this.write([append]);
    return result;
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    if (!this.supportsMultiStreamAppend) {
      throw new Error('this store has no multi-stream transactions (multiStreamAppend: false); append stream by stream');
    }
    return this.write(appends);
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromRevision ?? 0;
    const events = this.streams.get(streamId) ?? [];
    return events.slice(from, options.maxCount === undefined ? undefined : from + options.maxCount);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const from = this.indexAtOrAfter(options.fromPosition ?? 1);
    return this.log.slice(from, options.maxCount === undefined ? undefined : from + options.maxCount);
  }

  subscribeToAll(options: { fromPosition?: number } = {}): Observable<RecordedEvent> {
    return catchUpSubscription(
      {
        readPage: (fromPosition, maxCount) => this.readAll({ fromPosition, maxCount }),
        appended$: this.appended$,
        pollIntervalMs: 60_000,
      },
      options.fromPosition,
    );
  }

  async headPosition(): Promise<number> {
    return this.log.at(-1)?.position ?? 0;
  }

  async stats(): Promise<EventStoreStats> {
    return { eventCount: this.log.length, streamCount: this.streams.size, lastPosition: await this.headPosition() };
  }

  async close(): Promise<void> {
    this.appended$.complete();
  }

  private write(appends: readonly StreamAppend[]): AppendResult[] {
    assertWellFormed(appends);
    const replay = findReplay(appends, (id) => this.byId.get(id), (s) => this.revisionOf(s));
    if (replay) return replay;
    // Check every stream before touching any, so a refused append leaves nothing behind.
    for (const a of appends) checkExpectedRevision(a.streamId, a.expectedRevision, this.revisionOf(a.streamId));
    const now = new Date();
    let last = this.log.at(-1)?.recordedAt;
    const recordedAts = appends.map((a) => (last = recordedAtOf(a, last, now)));
    const results = appends.map((a, i) => this.store(a.streamId, a.events.map((event) => ({ event, recordedAt: recordedAts[i] }))));
    this.appended$.next();
    return results;
  }

  private store(streamId: string, events: ReadonlyArray<{ event: NewEvent; recordedAt: string; link?: ChainLink }>): AppendResult {
    const stream = this.streams.get(streamId) ?? [];
    const recorded = events.map(({ event, recordedAt, link }) => {
      const stored: RecordedEvent = { ...event, streamId, revision: stream.length, position: this.nextPosition(), recordedAt };
      stream.push(stored);
      this.log.push(stored);
      this.byId.set(stored.id, stored);
      if (link) this.links.set(stored.id, link);
      return stored;
    });
    if (stream.length > 0) this.streams.set(streamId, stream);
    return { streamId, nextExpectedRevision: stream.length - 1, events: recorded, duplicate: false };
  }

  /** The reads and writes `appendChained` needs; each is its own step, so concurrent appends interleave as on a server. */
  private chainedIo(): ChainedAppendIo {
    return {
      head: async (streamId): Promise<StreamHead> => {
        const last = this.streams.get(streamId)?.at(-1);
        return last ? { revision: last.revision, hash: this.links.get(last.id)!.hash, recordedAt: last.recordedAt } : EMPTY_STREAM;
      },
      write: async (streamId, chained, expectedRevision): Promise<ChainedWrite> => {
        // Ids already stored answer their first outcome, never a second copy: ids are unique across this store.
        const append = { streamId, events: chained.map((c) => c.event), expectedRevision };
        const replay = findReplay([append], (id) => this.byId.get(id), (s) => this.revisionOf(s));
        if (replay) return { written: replay[0] };
        const current = this.revisionOf(streamId);
        if (current !== expectedRevision) return { conflict: revisionInWords(current) };
        const written = this.store(streamId, chained.map(({ event, stamp }) => ({ event, recordedAt: stamp.recordedAt, link: { previousHash: stamp.previousHash, hash: stamp.hash } })));
        this.appended$.next();
        return { written };
      },
      replay: async (append) => findReplay([append], (id) => this.byId.get(id), (s) => this.revisionOf(s))?.[0],
      // Never before the stream's last event, nor the log's: as the EventStoreDB adapter stamps its events.
      recordedAt: (head) => nextRecordedAt(latestTime(head.recordedAt, this.log.at(-1)?.recordedAt)),
    };
  }

  /** The log as its hashes cover it, from the events as they are now: a changed event no longer matches its link. */
  private *chainedRecords(): Iterable<ChainedRecord> {
    for (const event of this.log) yield { ...storedTextOf(event), link: this.links.get(event.id) };
  }

  private nextPosition(): number {
    const last = this.log.at(-1)?.position ?? 0;
    // Uneven gaps, as between EventStoreDB's byte offsets; even numbers, as its port positions are.
    return this.positionsAreGapFree ? last + 1 : last + 2 * (1 + (this.log.length % 3));
  }

  /** Index of the first event at or after a position. */
  private indexAtOrAfter(position: number): number {
    if (this.positionsAreGapFree) return Math.max(1, position) - 1;
    let low = 0;
    let high = this.log.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.log[middle].position < position) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  private revisionOf(streamId: string): number {
    const stream = this.streams.get(streamId);
    return stream ? stream.length - 1 : NO_STREAM_REVISION;
  }
}
