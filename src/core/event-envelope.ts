/**
 * The shape every fact in the ledger takes, whatever the backend.
 *
 * A domain event is a past-tense fact `{ type, data }`; the envelope adds what an inspector needs to trust it:
 * who recorded it, when it takes legal effect, under which decision, what caused it and where the figure came from.
 */

/** A legal act: a decision number (e.g. `1234/QĐ-UBND`), the date it was signed and the body that issued it. */
export interface DecisionRef {
  readonly number: string;
  /** ISO date `YYYY-MM-DD`. */
  readonly date: string;
  readonly issuer: string;
}

export interface EventMetadata {
  /** Who recorded the event; comes from the caller's identity, never from a request body. */
  readonly actor: string;
  /** ISO date `YYYY-MM-DD` on which the recorded act takes legal effect ("as of" axis). */
  readonly effectiveDate: string;
  readonly decision?: DecisionRef;
  /** Groups every event written because of one request. */
  readonly correlationId: string;
  /** The event (or request) that caused this one. */
  readonly causationId?: string;
  /** Where the figure comes from, e.g. a report's file name, for facts taken from published sources. */
  readonly source?: string;
  /** Present when the command was sent with an idempotency key; lets a retry find its first outcome. */
  readonly idempotency?: { readonly key: string; readonly requestHash: string };
}

/** A domain event before it gets an envelope. */
export interface DomainEvent<Type extends string = string, Data = unknown> {
  readonly type: Type;
  readonly data: Data;
}

/** What a writer hands to the event store. */
export interface NewEvent<Type extends string = string, Data = unknown> extends DomainEvent<Type, Data> {
  /** Globally unique; doubles as the idempotency key of the append. */
  readonly id: string;
  readonly schemaVersion: number;
  readonly metadata: EventMetadata;
}

/** What the event store hands back: the new event plus where and when it was stored. */
export interface RecordedEvent<Type extends string = string, Data = unknown> extends NewEvent<Type, Data> {
  readonly streamId: string;
  /** 0-based position of the event inside its stream. */
  readonly revision: number;
  /** Position in the global log, in acknowledgement order; 1-based and gap-free where the store says so. */
  readonly position: number;
  /**
   * ISO timestamp at which the store accepted the event ("as known at" axis), covered by the event's hash. Never
   * decreases along its stream, nor along the log where appends are serialised (SQLite, plain memory); on
   * EventStoreDB the ledger stamps it when it chains an append, so two appends to different streams at once may
   * commit in the other order, apart by the time an append takes.
   */
  readonly recordedAt: string;
}
