import { Inject, Injectable } from '@nestjs/common';
import { EventBus } from '@nestjs/cqrs';
import { CommandContext, idempotencyKeyReused } from './command-context';
import { IdempotencyConflictError } from './errors/ledger-errors';
import { EventRecorded } from './event-recorded';
import { AppendResult, EVENT_STORE, EventStore, StreamAppend } from './event-store/event-store.port';

/**
 * The one way command handlers write: append, then, and only then, publish to the EventBus.
 * Several streams go in one transaction where the store has them; elsewhere they go stream by stream, in order, and
 * a failure keeps the streams written before it (handlers make such writes resumable with the idempotency key).
 * A replayed append publishes nothing, since its events were published the first time.
 */
@Injectable()
export class LedgerWriter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly eventBus: EventBus,
  ) {}

  async append(appends: readonly StreamAppend[], context: CommandContext): Promise<AppendResult[]> {
    const results: AppendResult[] = [];
    try {
      if (appends.length > 1 && this.store.supportsMultiStreamAppend) results.push(...(await this.store.appendToStreams(appends)));
      else for (const append of appends) results.push(await this.store.appendToStream(append));
    } catch (error) {
      if (error instanceof IdempotencyConflictError && context.idempotencyKey !== undefined) {
        throw idempotencyKeyReused(context.idempotencyKey);
      }
      throw error;
    } finally {
      this.publish(results);
    }
    return results;
  }

  private publish(results: readonly AppendResult[]): void {
    const fresh = results.filter((r) => !r.duplicate).flatMap((r) => r.events);
    fresh.sort((a, b) => a.position - b.position);
    this.eventBus.publishAll(fresh.map((event) => new EventRecorded(event)));
  }
}
