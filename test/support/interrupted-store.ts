import { Observable } from 'rxjs';
import { RecordedEvent } from '../../src/core/event-envelope';
import { UnavailableError } from '../../src/core/errors/ledger-errors';
import {
  AppendResult,
  EventStore,
  EventStoreStats,
  ReadAllOptions,
  ReadStreamOptions,
  StreamAppend,
} from '../../src/core/event-store/event-store.port';
import { LedgerIntegrity } from '../../src/core/ledger-hash/integrity';

/**
 * One service run's view of a log that outlives it: appends the test names fail as if the run had stopped there,
 * and closing the run leaves the log open for the next one.
 */
export class InterruptedStore implements EventStore {
  constructor(
    private readonly log: EventStore,
    private readonly interrupts: (append: StreamAppend) => boolean,
  ) {}

  get supportsMultiStreamAppend(): boolean {
    return this.log.supportsMultiStreamAppend;
  }

  get positionsAreGapFree(): boolean {
    return this.log.positionsAreGapFree;
  }

  get eventIdsUniqueAcrossStreams(): boolean {
    return this.log.eventIdsUniqueAcrossStreams;
  }

  get integrity(): LedgerIntegrity | undefined {
    return this.log.integrity;
  }

  async appendToStream(append: StreamAppend): Promise<AppendResult> {
    if (this.interrupts(append)) throw new UnavailableError(`the run stopped before appending to ${append.streamId}`);
    return this.log.appendToStream(append);
  }

  appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    return this.log.appendToStreams(appends);
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.log.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<RecordedEvent[]> {
    return this.log.readAll(options);
  }

  subscribeToAll(options?: { fromPosition?: number }): Observable<RecordedEvent> {
    return this.log.subscribeToAll(options);
  }

  headPosition(): Promise<number> {
    return this.log.headPosition();
  }

  stats(): Promise<EventStoreStats> {
    return this.log.stats();
  }

  async close(): Promise<void> {}
}
