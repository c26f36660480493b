import { Observable, Subject } from 'rxjs';
import { RecordedEvent } from '../event-envelope';
import { assertWellFormed, checkExpectedRevision, findReplay, nextRecordedAt, NO_STREAM_REVISION } from './append-rules';
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
}

/** Keeps the log in memory: for tests and throw-away runs. Same guarantees as the durable adapters. */
export class MemoryEventStore implements EventStore {
  readonly supportsMultiStreamAppend: boolean;
  readonly positionsAreGapFree = true;
  readonly eventIdsUniqueAcrossStreams = true;
  private readonly log: RecordedEvent[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly byId = new Map<string, RecordedEvent>();
  private readonly appended$ = new Subject<void>();

  constructor(options: MemoryEventStoreOptions = {}) {
    this.supportsMultiStreamAppend = options.multiStreamAppend ?? true;
  }

  async appendToStream(append: StreamAppend): Promise<AppendResult> {
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
    const from = Math.max(1, options.fromPosition ?? 1) - 1;
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
    return this.log.length;
  }

  async stats(): Promise<EventStoreStats> {
    return { eventCount: this.log.length, streamCount: this.streams.size, lastPosition: this.log.length };
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

    const results = appends.map((a) => {
      const stream = this.streams.get(a.streamId) ?? [];
      const recorded = a.events.map((event) => {
        const stored: RecordedEvent = {
          ...event,
          streamId: a.streamId,
          revision: stream.length,
          position: this.log.length + 1,
          recordedAt: nextRecordedAt(this.log.at(-1)?.recordedAt),
        };
        stream.push(stored);
        this.log.push(stored);
        this.byId.set(stored.id, stored);
        return stored;
      });
      if (stream.length > 0) this.streams.set(a.streamId, stream);
      return { streamId: a.streamId, nextExpectedRevision: stream.length - 1, events: recorded, duplicate: false };
    });
    this.appended$.next();
    return results;
  }

  private revisionOf(streamId: string): number {
    const stream = this.streams.get(streamId);
    return stream ? stream.length - 1 : NO_STREAM_REVISION;
  }
}
