import { DecisionRef, DomainEvent, EventMetadata, NewEvent, RecordedEvent } from './event-envelope';
import { ConflictError } from './errors/ledger-errors';
import { EventIds } from './event-ids';
import { sha256Hex, stableJson } from './stable-json';

/** Who sends a command and how it is tied to other events; built by the HTTP or CLI layer, never by the body. */
export interface CommandContext {
  readonly actor: string;
  readonly correlationId: string;
  readonly idempotencyKey?: string;
}

/** What the events of one command share in their metadata. */
export interface EnvelopeFacts {
  readonly effectiveDate: string;
  readonly decision?: DecisionRef;
  readonly source?: string;
  readonly causationId?: string;
}

/**
 * Wraps the domain events of one command in envelopes. `payload` is the validated request: its hash lets a retry
 * with the same idempotency key be told apart from a different request reusing the key.
 */
export class EnvelopeWriter {
  private readonly ids: EventIds;
  private readonly idempotency?: EventMetadata['idempotency'];

  constructor(
    private readonly context: CommandContext,
    payload: unknown,
    private readonly schemaVersionOf: (type: string) => number,
  ) {
    this.ids = new EventIds(context.idempotencyKey);
    if (context.idempotencyKey !== undefined) {
      this.idempotency = { key: context.idempotencyKey, requestHash: requestHash(payload) };
    }
  }

  wrap(events: readonly DomainEvent[], facts: EnvelopeFacts): NewEvent[] {
    return events.map((event) => ({
      id: this.ids.nextId(),
      type: event.type,
      schemaVersion: this.schemaVersionOf(event.type),
      data: event.data,
      metadata: {
        actor: this.context.actor,
        effectiveDate: facts.effectiveDate,
        correlationId: this.context.correlationId,
        causationId: facts.causationId ?? this.context.correlationId,
        ...(facts.decision && { decision: facts.decision }),
        ...(facts.source && { source: facts.source }),
        ...(this.idempotency && { idempotency: this.idempotency }),
      },
    }));
  }

  /**
   * The event this key already recorded in a stream, if any: a retry returns its outcome instead of deciding again.
   * The same key with a different request is refused rather than silently answered with the wrong outcome.
   */
  findPriorOutcome(stream: readonly RecordedEvent[]): RecordedEvent | undefined {
    if (!this.idempotency) return undefined;
    const prior = stream.find((e) => e.metadata.idempotency?.key === this.idempotency!.key);
    if (prior && prior.metadata.idempotency!.requestHash !== this.idempotency.requestHash) {
      throw idempotencyKeyReused(this.idempotency.key);
    }
    return prior;
  }
}

export const requestHash = (payload: unknown): string => sha256Hex(stableJson(payload));

export const idempotencyKeyReused = (key: string): ConflictError =>
  new ConflictError(
    'IDEMPOTENCY.KEY_REUSED',
    `Idempotency-Key "${key}" was already used for a different request`,
    `Idempotency-Key "${key}" đã được dùng cho một yêu cầu khác`,
    [{ field: 'Idempotency-Key', rule: 'IDEMPOTENCY.KEY_REUSED', message: 'already used for a different request' }],
  );
