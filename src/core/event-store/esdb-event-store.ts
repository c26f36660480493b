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
import { EventMetadata, NewEvent, RecordedEvent } from '../event-envelope';
import { BusinessRuleError, ConcurrencyError, IdempotencyConflictError, LedgerError, UnavailableError } from '../errors/ledger-errors';
import { assertWellFormed, checkExpectedRevision, findReplay, NO_STREAM_REVISION } from './append-rules';
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
 * The EventStoreDB adapter; the only file that knows @eventstore/db-client.
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

/** What the ledger keeps in an EventStoreDB event's metadata. */
interface EsdbMetadata {
  readonly ledger: EventMetadata;
  readonly schemaVersion: number;
  readonly appendAttempt: string;
  // The server's standard projections ($by_correlation_id) read these two.
  readonly $correlationId: string;
  readonly $causationId?: string;
}

interface StoredEvent {
  readonly event: RecordedEvent;
  readonly appendAttempt?: string;
}

const PAGE_SIZE = 1000;
const HEAD_PAGE_SIZE = 100;

export class EsdbEventStore implements EventStore {
  readonly supportsMultiStreamAppend = false;
  readonly positionsAreGapFree = false;
  readonly eventIdsUniqueAcrossStreams = false;
  private readonly logger = new Logger('EventStoreDB');
  private readonly client: EventStoreDBClient;
  private readonly namespace: string;
  private readonly timeoutMs: number;
  private readonly resubscribeDelaysMs: readonly number[];
  private readonly closing$ = new Subject<void>();

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
    const { streamId, events, expectedRevision } = append;
    if (events.length === 0) {
      const current = await this.currentRevision(streamId);
      checkExpectedRevision(streamId, expectedRevision, current);
      return { streamId, nextExpectedRevision: current, events: [], duplicate: false };
    }
    // Without an exact revision the server's duplicate check is best effort (a cache): look for the ids first.
    if (expectedRevision === 'any' || expectedRevision === 'stream_exists') {
      const replay = await this.findStoredReplay(append);
      if (replay) return replay;
    }
    const attempt = randomUUID();
    let lastRevision: number;
    try {
      // Past the deadline the outcome is unknown: the caller gets a 503, and its retry is told apart by the ids.
      const written = this.client.appendToStream(this.namespace + streamId, events.map((event) => toEventData(event, attempt)), {
        expectedRevision: toEsdbExpectedRevision(expectedRevision),
      });
      lastRevision = Number((await this.withDeadline(written, `append to ${streamId}`)).nextExpectedRevision);
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
      const replay = await this.findStoredReplay(append);
      if (replay) return replay;
      throw new ConcurrencyError(streamId, String(expectedRevision), describeRevision(error.actualVersion));
    }
    const stored = await this.readStored(streamId, Math.max(0, lastRevision - events.length + 1), events.length);
    if (stored.length !== events.length || stored.some((s, i) => s.event.id !== events[i].id)) {
      throw new IdempotencyConflictError(events.map((e) => e.id));
    }
    const fresh = stored[0].appendAttempt === attempt;
    return {
      streamId,
      nextExpectedRevision: fresh ? lastRevision : await this.currentRevision(streamId),
      events: stored.map((s) => s.event),
      duplicate: !fresh,
    };
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
    let { from, skipThrough } = toReadStart(options.fromPosition);
    for (;;) {
      const page = await this.collect(this.client.readAll({ fromPosition: from, maxCount: PAGE_SIZE }), 'read $all');
      for (const { event } of page) {
        if (!event || (skipThrough !== undefined && event.position.commit <= skipThrough)) continue;
        if (this.isLedgerEvent(event)) found.push(this.toStored(event).event);
        if (found.length >= wanted) return found;
      }
      const last = page.at(-1)?.event?.position;
      if (page.length < PAGE_SIZE || !last) return found;
      // Reading from a position includes it: go on from the last event read, skipping it.
      from = last;
      skipThrough = last.commit;
    }
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

  private async readStored(streamId: string, fromRevision: number, maxCount?: number): Promise<StoredEvent[]> {
    try {
      const read = this.client.readStream(this.namespace + streamId, {
        fromRevision: BigInt(fromRevision),
        maxCount: maxCount ?? Number.MAX_SAFE_INTEGER,
      });
      return (await this.collect(read, `read ${streamId}`)).flatMap(({ event }) => (event ? [this.toStored(event)] : []));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  private async currentRevision(streamId: string): Promise<number> {
    try {
      const read = this.client.readStream(this.namespace + streamId, { direction: BACKWARDS, fromRevision: END, maxCount: 1 });
      const [last] = await this.collect(read, `read ${streamId}`);
      return last?.event ? Number(last.event.revision) : NO_STREAM_REVISION;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return NO_STREAM_REVISION;
      throw error;
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
    return event.isJson && !event.type.startsWith('$') && !event.streamId.startsWith('$') && event.streamId.startsWith(this.namespace);
  }

  private toStored(event: EsdbRecordedEvent): StoredEvent {
    const metadata = (event.isJson && event.metadata && typeof event.metadata === 'object' ? event.metadata : {}) as Partial<EsdbMetadata>;
    return {
      appendAttempt: metadata.appendAttempt,
      event: {
        id: event.id,
        type: event.type,
        schemaVersion: metadata.schemaVersion ?? 1,
        streamId: event.streamId.slice(this.namespace.length),
        revision: Number(event.revision),
        position: event.position ? toLedgerPosition(event.position.commit) : 0,
        recordedAt: event.created.toISOString(),
        data: event.data,
        metadata: metadata.ledger ?? ({} as EventMetadata),
      },
    };
  }
}

function toEventData(event: NewEvent, appendAttempt: string) {
  const metadata: EsdbMetadata = {
    ledger: event.metadata,
    schemaVersion: event.schemaVersion,
    appendAttempt,
    $correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId && { $causationId: event.metadata.causationId }),
  };
  return jsonEvent({ id: event.id, type: event.type, data: event.data as Record<string, unknown>, metadata: { ...metadata } });
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

/** The port position of the event at a commit position: twice it (see the note on positions at the top). */
export function toLedgerPosition(commit: bigint): number {
  const position = commit * 2n;
  if (position > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`commit position ${commit} is beyond the ledger's positions`);
  return Number(position);
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
