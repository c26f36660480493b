import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  excludeSystemEvents,
  isCommandError,
  jsonEvent,
  MaxAppendSizeExceededError,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  streamNameFilter,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendExpectedRevision,
  type CurrentRevision,
  type Position,
  type ReadableSubscription,
  type ReadPosition,
  type RecordedEvent as EsdbRecordedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { concat, defer, filter, from, map, mergeMap, Observable, Subject, takeUntil } from 'rxjs';
import { RecordedEvent } from '../event-envelope';
import { BusinessRuleError, IdempotencyConflictError, LedgerError, UnavailableError } from '../errors/ledger-errors';
import { ChainedNewEvent, ChainedRecord, ChainScanItem, EMPTY_STREAM, headOfStream, StreamHead, StreamHidden } from '../ledger-hash/stream-chain';
import { LedgerIntegrity } from '../ledger-hash/integrity';
import { StreamChainIntegrity } from '../ledger-hash/stream-chain-integrity';
import { assertWellFormed, findReplay, latestTime, nextRecordedAt, NO_STREAM_REVISION } from './append-rules';
import { appendChained, ChainedAppendIo, ChainedWrite } from './chained-append';
import {
  esdbMetadataOf,
  hidingChangeOf,
  inLedgerStream,
  isLedgerEvent,
  StoredEvent,
  toChainedRecord,
  toLedgerPosition,
  toStoredEvent,
} from './esdb-records';
import {
  AppendResult,
  EventStore,
  EventStoreStats,
  ExpectedRevision,
  ReadAllOptions,
  ReadStreamOptions,
  StreamAppend,
} from './event-store.port';
import { resubscribing } from './resubscribing';

/*
 * The EventStoreDB adapter; the only file that knows @eventstore/db-client. How one event is written and read back
 * is in esdb-records.ts, pure.
 *
 * Positions. $all positions are byte offsets in the server's log: ordered and unique per event (events appended
 * through gRPC have equal commit and prepare positions), but with gaps. The port's readers resume with
 * `position + 1`, which is no record boundary there, and the server cannot start a read inside a record. So the
 * port position is twice the commit position: even numbers are events, and the odd number after one means "just
 * after it". Commit positions stay below 2^52 (4 PB of log), so positions stay safe integers.
 *
 * Idempotency. The server drops a re-append of event ids it has in the stream when the expected revision matches
 * the first append's, and answers success; otherwise it answers "wrong expected version". Both are told apart from a
 * fresh write here: every append call stamps its events with a random `appendAttempt`, so events read back with
 * another stamp were stored by an earlier call. Ids are only checked within a stream.
 *
 * Tamper evidence. Every event carries, under the metadata key `chain`, the hash of its content and of the event
 * before it in its stream (ledger-hash/stream-chain.ts), and the recorded time that hash covers: the server sets
 * `created` only once the event, hash included, is stored, so the ledger stamps its own time instead, never before
 * the stream's last event nor the last time this store stamped. Readers never see the key: the metadata they get is
 * the ledger's own. Appends go through `appendChained`, which writes at the exact revision it chained on, so that
 * two writers cannot fork a chain. Verification, digests and proofs walk $all: the ledger's events in $all order are
 * the leaves of the digests.
 */

export interface EsdbEventStoreOptions {
  /** `esdb://host:2113?tls=false`, several hosts for a cluster, or `esdb+discover://` for DNS discovery. */
  readonly connectionString: string;
  /** Prefix of every stream this ledger writes; lets several ledgers, or test runs, share one server. */
  readonly namespace?: string;
  /** How long a read may take before the server is reported unavailable. */
  readonly timeoutMs?: number;
  /** How long `open` waits for the server's first answer. */
  readonly openTimeoutMs?: number;
  /** Waits before resubscribing to $all after the server went away; the last one repeats. */
  readonly resubscribeDelaysMs?: readonly number[];
}

export { toLedgerPosition };

const PAGE_SIZE = 1000;
const HEAD_PAGE_SIZE = 100;

export class EsdbEventStore implements EventStore {
  readonly supportsMultiStreamAppend = false;
  readonly positionsAreGapFree = false;
  readonly eventIdsUniqueAcrossStreams = false;
  readonly integrity: LedgerIntegrity = new StreamChainIntegrity(() => this.scanChain());
  private readonly logger = new Logger('EventStoreDB');
  private readonly client: EventStoreDBClient;
  private readonly namespace: string;
  private readonly timeoutMs: number;
  private readonly resubscribeDelaysMs: readonly number[];
  private readonly closing$ = new Subject<void>();
  /** The latest recorded time this store stamped: a later append from here is never stamped before it. */
  private lastRecordedAt?: string;
  private readonly chainIo: ChainedAppendIo = {
    head: (streamId) => this.streamHead(streamId),
    write: (streamId, events, expectedRevision) => this.write(streamId, events, expectedRevision),
    replay: (append) => this.findStoredReplay(append),
    recordedAt: (head) => this.stampTime(head),
  };

  /** Connects and checks the server answers within `openTimeoutMs`, so a wrong address fails at start, not later. */
  static async open(options: EsdbEventStoreOptions): Promise<EsdbEventStore> {
    const store = new EsdbEventStore(options);
    try {
      const read = store.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 });
      await store.collect(read, 'answer a read of $all', options.openTimeoutMs ?? 5000);
      return store;
    } catch (error) {
      await store.close();
      throw error;
    }
  }

  /** Connects lazily: the first call reaches the server. Prefer `open`, which checks the server first. */
  constructor(options: EsdbEventStoreOptions) {
    this.client = EventStoreDBClient.connectionString(options.connectionString);
    this.namespace = options.namespace ?? '';
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.resubscribeDelaysMs = options.resubscribeDelaysMs ?? [500, 1000, 2000, 5000];
  }

  async appendToStream(append: StreamAppend): Promise<AppendResult> {
    assertWellFormed([append]);
    return appendChained(append, this.chainIo);
  }

  async appendToStreams(): Promise<AppendResult[]> {
    throw new Error('EventStoreDB has no multi-stream transaction (supportsMultiStreamAppend is false): append stream by stream');
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    return (await this.readStored(streamId, options.fromRevision ?? 0, options.maxCount)).map((s) => s.event);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const wanted = options.maxCount ?? Infinity;
    const found: RecordedEvent[] = [];
    if (wanted <= 0) return found;
    for await (const event of this.rawAll(options.fromPosition)) {
      if (this.isLedgerEvent(event)) found.push(this.toStored(event).event);
      if (found.length >= wanted) break;
    }
    return found;
  }

  subscribeToAll(options: { fromPosition?: number } = {}): Observable<RecordedEvent> {
    return defer(async () => {
      const start = toReadStart(options.fromPosition);
      if (start.from === START || start.skipThrough !== undefined) return { first: [], after: start.from === START ? undefined : start.from };
      // The server delivers what follows a position; the event at an inclusive start is read on its own.
      const first = await this.readAll({ fromPosition: options.fromPosition, maxCount: 1 });
      return { first, after: first.length > 0 ? toEsdbPosition(first[0].position) : start.from };
    }).pipe(
      mergeMap(({ first, after }) => concat(from(first), this.follow(after))),
      takeUntil(this.closing$),
    );
  }

  async headPosition(): Promise<number> {
    let from: ReadPosition = END;
    for (;;) {
      const page: AllStreamResolvedEvent[] = await this.collect(
        this.client.readAll({ direction: BACKWARDS, fromPosition: from, maxCount: HEAD_PAGE_SIZE }),
        'read the end of $all',
      );
      const last = page.find(({ event }) => event && this.isLedgerEvent(event))?.event;
      if (last) return toLedgerPosition(last.position.commit);
      const oldest: Position | undefined = page.at(-1)?.event?.position;
      if (page.length < HEAD_PAGE_SIZE || !oldest) return 0;
      from = oldest;
    }
  }

  /** Counts by reading the whole log: the server keeps no count of one ledger's events. */
  async stats(): Promise<EventStoreStats> {
    const streams = new Set<string>();
    let eventCount = 0;
    let lastPosition = 0;
    let next = 1;
    for (;;) {
      const page = await this.readAll({ fromPosition: next, maxCount: PAGE_SIZE });
      for (const event of page) streams.add(event.streamId);
      eventCount += page.length;
      if (page.length === 0) return { eventCount, streamCount: streams.size, lastPosition };
      lastPosition = page.at(-1)!.position;
      next = lastPosition + 1;
    }
  }

  async close(): Promise<void> {
    this.closing$.next();
    this.closing$.complete();
    await this.client.dispose();
  }

  /** Live events after a position, across server restarts, filtered on the server. */
  private follow(after: Position | undefined): Observable<RecordedEvent> {
    const serverFilter = this.namespace ? streamNameFilter({ prefixes: [this.namespace] }) : excludeSystemEvents();
    let lastCommit = after?.commit;
    return resubscribing<AllStreamResolvedEvent, Position>({
      after,
      open: (cursor) => fromSubscription(() => this.client.subscribeToAll({ fromPosition: cursor ?? START, filter: serverFilter })),
      cursorOf: (resolved) => resolved.event!.position,
      delaysMs: this.resubscribeDelaysMs,
      onRetry: (error, attempt) => this.logger.warn(`subscription to $all dropped (${error.message}); resubscribing, attempt ${attempt}`),
    }).pipe(
      map(({ event }) => event),
      filter((event): event is NonNullable<typeof event> => event !== undefined && this.isLedgerEvent(event)),
      // Whether a resubscription starts at or after its position, nothing is delivered twice.
      filter((event) => {
        if (lastCommit !== undefined && event.position.commit <= lastCommit) return false;
        lastCommit = event.position.commit;
        return true;
      }),
      map((event) => this.toStored(event).event),
    );
  }

  /** Every event of $all from a port position on, in order, system events and other namespaces included. */
  private async *rawAll(fromPosition?: number): AsyncGenerator<EsdbRecordedEvent> {
    let { from, skipThrough } = toReadStart(fromPosition);
    for (;;) {
      const page = await this.collect(this.client.readAll({ fromPosition: from, maxCount: PAGE_SIZE }), 'read $all');
      for (const { event } of page) {
        if (event && (skipThrough === undefined || event.position.commit > skipThrough)) yield event;
      }
      const last = page.at(-1)?.event?.position;
      if (page.length < PAGE_SIZE || !last) return;
      // Reading from a position includes it: go on from the last event read, skipping it.
      from = last;
      skipThrough = last.commit;
    }
  }

  private async readRaw(streamId: string, fromRevision: number, maxCount?: number): Promise<EsdbRecordedEvent[]> {
    try {
      const read = this.client.readStream(this.namespace + streamId, {
        fromRevision: BigInt(fromRevision),
        maxCount: maxCount ?? Number.MAX_SAFE_INTEGER,
      });
      return (await this.collect(read, `read ${streamId}`)).flatMap(({ event }) => (event ? [event] : []));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  private async readStored(streamId: string, fromRevision: number, maxCount?: number): Promise<StoredEvent[]> {
    return (await this.readRaw(streamId, fromRevision, maxCount)).map((event) => this.toStored(event));
  }

  private async lastEvent(streamId: string): Promise<EsdbRecordedEvent | undefined> {
    try {
      const read = this.client.readStream(this.namespace + streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
      const [last] = await this.collect(read, `read ${streamId}`);
      return last?.event;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return undefined;
      throw error;
    }
  }

  private async currentRevision(streamId: string): Promise<number> {
    const last = await this.lastEvent(streamId);
    return last ? Number(last.revision) : NO_STREAM_REVISION;
  }

  /** What the next append chains on: the stream's last event, its hash and recorded time. */
  private async streamHead(streamId: string): Promise<StreamHead> {
    const last = await this.lastEvent(streamId);
    if (!last) return EMPTY_STREAM;
    const record = this.toChained(last);
    if (record.link) return { revision: record.revision, hash: record.link.hash, recordedAt: record.recordedAt };
    // Written before the ledger chained events here: the chain goes on from the hashes the stream's content gives.
    return headOfStream((await this.readRaw(streamId, 0)).map((event) => this.toChained(event)));
  }

  /**
   * Stores chained events only if the stream is still at the revision they were chained on. Past the deadline the
   * outcome is unknown: the caller gets a 503, and its retry is told apart by the ids.
   */
  private async write(streamId: string, chained: readonly ChainedNewEvent[], expectedRevision: number): Promise<ChainedWrite> {
    const attempt = randomUUID();
    let lastRevision: number;
    try {
      const written = this.client.appendToStream(this.namespace + streamId, chained.map((c) => toEventData(c, attempt)), {
        expectedRevision: toEsdbExpectedRevision(expectedRevision === NO_STREAM_REVISION ? 'no_stream' : expectedRevision),
      });
      lastRevision = Number((await this.withDeadline(written, `append to ${streamId}`)).nextExpectedRevision);
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return { conflict: describeRevision(error.actualVersion) };
      throw error;
    }
    const ids = chained.map((c) => c.event.id);
    const stored = await this.readStored(streamId, Math.max(0, lastRevision - ids.length + 1), ids.length);
    if (stored.length !== ids.length || stored.some((s, i) => s.event.id !== ids[i])) throw new IdempotencyConflictError(ids);
    // The server answers success without writing when these ids follow the expected revision already (a racing retry).
    const fresh = stored[0].appendAttempt === attempt;
    return {
      written: {
        streamId,
        nextExpectedRevision: fresh ? lastRevision : await this.currentRevision(streamId),
        events: stored.map((s) => s.event),
        duplicate: !fresh,
      },
    };
  }

  /** Now, unless the stream's last event or this store's last stamp is later (a clock set back, another writer's clock ahead). */
  private stampTime(head: StreamHead): string {
    const recordedAt = nextRecordedAt(latestTime(head.recordedAt, this.lastRecordedAt));
    this.lastRecordedAt = recordedAt;
    return recordedAt;
  }

  /** The ledger's log as the stream chain walks it: every event of its streams, and changes that hide some of them. */
  private async *scanChain(): AsyncGenerator<ChainScanItem> {
    for await (const event of this.rawAll()) {
      const hidden = this.hidingChange(event);
      if (hidden) yield hidden;
      else if (this.inLedgerStream(event)) yield this.toChained(event);
    }
  }

  /** The original results when this append's ids are all in its stream already; see `findReplay`. */
  private async findStoredReplay(append: StreamAppend): Promise<AppendResult | undefined> {
    const stored = await this.readStream(append.streamId);
    const byId = new Map(stored.map((event) => [event.id, event]));
    const current = stored.at(-1)?.revision ?? NO_STREAM_REVISION;
    return findReplay([append], (id) => byId.get(id), () => current)?.[0];
  }

  /** Collects a read, giving up after `timeoutMs`: a server that hangs must not hang the request. */
  private collect<Item>(read: StreamingRead<Item>, what: string, timeoutMs = this.timeoutMs): Promise<Item[]> {
    const items = (async () => {
      const all: Item[] = [];
      for await (const item of read) all.push(item);
      return all;
    })();
    return this.withDeadline(items, what, timeoutMs, () => void read.cancel().catch(() => undefined));
  }

  private async withDeadline<T>(work: Promise<T>, what: string, timeoutMs = this.timeoutMs, onTimeout?: () => void): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        onTimeout?.();
        reject(new UnavailableError(`EventStoreDB did not ${what} within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    work.catch(() => undefined); // a failure after the deadline has nobody left to tell
    try {
      return await Promise.race([work, deadline]);
    } catch (error) {
      throw toLedgerError(error, what);
    } finally {
      clearTimeout(timer);
    }
  }

  private isLedgerEvent(event: EsdbRecordedEvent): boolean {
    return isLedgerEvent(event, this.namespace);
  }

  private inLedgerStream(event: EsdbRecordedEvent): boolean {
    return inLedgerStream(event, this.namespace);
  }

  private toStored(event: EsdbRecordedEvent): StoredEvent {
    return toStoredEvent(event, this.namespace);
  }

  private toChained(event: EsdbRecordedEvent): ChainedRecord {
    return toChainedRecord(event, this.namespace);
  }

  private hidingChange(event: EsdbRecordedEvent): StreamHidden | undefined {
    return hidingChangeOf(event, this.namespace);
  }
}

/** The event as the client sends it: data, and the ledger's metadata with the chain stamp beside it. */
function toEventData(chained: ChainedNewEvent, appendAttempt: string) {
  const { event } = chained;
  return jsonEvent({ id: event.id, type: event.type, data: event.data as Record<string, unknown>, metadata: { ...esdbMetadataOf(chained, appendAttempt) } });
}

/** A live subscription as an Observable; unsubscribing ends it on the server. */
function fromSubscription<Item>(open: () => ReadableSubscription<Item>): Observable<Item> {
  return new Observable<Item>((subscriber) => {
    const subscription = open();
    subscription.on('data', (item: Item) => subscriber.next(item));
    subscription.on('error', (error: Error) => subscriber.error(toLedgerError(error, 'follow $all')));
    subscription.on('end', () => subscriber.complete());
    return () => void subscription.unsubscribe().catch(() => undefined);
  });
}

/** The server position of the event at an (even) port position. */
export function toEsdbPosition(position: number): Position {
  const commit = BigInt(Math.floor(position / 2));
  return { commit, prepare: commit };
}

/** Where a read from a port position starts on the server, and the commit position to skip there, if any. */
export function toReadStart(fromPosition: number | undefined): { from: typeof START | Position; skipThrough?: bigint } {
  if (fromPosition === undefined || fromPosition <= 1) return { from: START };
  if (!Number.isSafeInteger(fromPosition)) throw new RangeError(`position ${fromPosition} is not a whole number`);
  const at = toEsdbPosition(fromPosition);
  return fromPosition % 2 === 0 ? { from: at } : { from: at, skipThrough: at.commit };
}

export function toEsdbExpectedRevision(expected: ExpectedRevision): AppendExpectedRevision {
  switch (expected) {
    case 'any':
      return ANY;
    case 'no_stream':
      return NO_STREAM;
    case 'stream_exists':
      return STREAM_EXISTS;
    default:
      if (!Number.isSafeInteger(expected) || expected < 0) throw new RangeError(`expected revision ${expected} is not a revision`);
      return BigInt(expected);
  }
}

/** The port's words for the revision a stream was found at. */
export const describeRevision = (current: CurrentRevision | undefined): string =>
  typeof current === 'bigint' ? String(current) : current === NO_STREAM ? 'no_stream' : 'unknown';

/**
 * What an error from the client means to the ledger: a server that is away, slow, not the leader or refusing the
 * connection is unavailable (503, retry); an append over the server's size limit is refused as too large.
 * Errors the adapter handles itself (wrong expected version, stream not found) and the ledger's own pass through.
 */
export function toLedgerError(error: unknown, what: string): unknown {
  if (error instanceof LedgerError || error instanceof StreamNotFoundError || error instanceof WrongExpectedVersionError) return error;
  if (error instanceof MaxAppendSizeExceededError) {
    return new BusinessRuleError(
      'STORE.APPEND_TOO_LARGE',
      `the events of this request exceed EventStoreDB's largest append (${error.maxAppendSize} bytes); split it, or raise the server's MaxAppendSize`,
      'dữ liệu của yêu cầu này vượt quá giới hạn ghi của kho sự kiện; hãy chia nhỏ yêu cầu',
    );
  }
  const message = (error as Error | undefined)?.message ?? String(error);
  const isConnectionFault = isCommandError(error as Error) || typeof (error as { code?: unknown })?.code === 'number' || /discover/i.test(message);
  return isConnectionFault ? new UnavailableError(`EventStoreDB cannot ${what}: ${message}`) : error;
}
