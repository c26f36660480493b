import { Inject, Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { CommandContext, idempotencyKeyReused } from './command-context';
import { IdempotencyConflictError } from './errors/ledger-errors';
import { EventRecorded } from './event-recorded';
import { AppendResult, EVENT_STORE, EventStore, StreamAppend } from './event-store/event-store.port';

/**
 * The one way command handlers write: append atomically, then, and only then, publish to the EventBus.
 * A replayed append publishes nothing, since its events were published the first time.
 */
@Injectable()
export class LedgerWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly eventBus: EventBus,
  ) {}

  async append(appends: readonly StreamAppend[], context: CommandContext): Promise<AppendResult[]> {
    let results: AppendResult[];
    try {
      results = appends.length === 1 ? [await this.store.appendToStream(appends[0])] : await this.store.appendToStreams(appends);
    } catch (error) {
      if (error instanceof IdempotencyConflictError && context.idempotencyKey !== undefined) {
        throw idempotencyKeyReused(context.idempotencyKey);
      }
      throw error;
    }
    const fresh = results.filter((r) => !r.duplicate).flatMap((r) => r.events);
    fresh.sort((a, b) => a.position - b.position);
    this.eventBus.publishAll(fresh.map((event) => new EventRecorded(event)));
    return results;
  }
}
