import { DomainEvent, EventMetadata, RecordedEvent } from '../../core/event-envelope';
import { causedEventId } from '../../core/event-ids';
import { StreamAppend } from '../../core/event-store/event-store.port';
import { DECISION_EVENT_SCHEMA_VERSIONS, DecisionApplicationFailed, DecisionApplied, DecisionRecorded } from './decision';

/**
 * Applying a decision after it is recorded, on backends without multi-stream transactions: the decision's event
 * carries its plan (the procedure events it decided, per stream, with the revisions it checked), and the
 * DecisionApplied (or DecisionApplicationFailed) marker in its own stream says the plan has been carried out.
 */

/** `applied`: every item is in its procedure's history; `applying`: recorded, items on their way; `failed`: see why. */
export const DECISION_STATUSES = ['applying', 'applied', 'failed'] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

export type RecordedDecision = RecordedEvent<'DecisionRecorded', DecisionRecorded['data']>;
type ClosingEvent = DecisionApplied | DecisionApplicationFailed;

/** A decision recorded ahead of its items, which are applied after it. */
export const isAppliedLater = (event: RecordedEvent): event is RecordedDecision =>
  event.type === 'DecisionRecorded' && (event.data as DecisionRecorded['data']).plan !== undefined;

/** The event that ends the application of the decision in this stream, if one is stored. */
export const isClosing = (event: RecordedEvent): event is RecordedEvent<ClosingEvent['type'], ClosingEvent['data']> =>
  event.type === 'DecisionApplied' || event.type === 'DecisionApplicationFailed';

/** Where a decision stands, read from its own stream. */
export function decisionStatus(stream: readonly RecordedEvent[]): DecisionStatus {
  const closing = stream.find(isClosing);
  if (closing) return closing.type === 'DecisionApplied' ? 'applied' : 'failed';
  return stream.some(isAppliedLater) ? 'applying' : 'applied';
}

/**
 * The appends that carry out a decision's plan, in plan order. Ids derive from the decision event and the event's
 * index in the plan, so every run produces the same appends and the store keeps each once.
 */
export function plannedAppends(decision: RecordedDecision): StreamAppend[] {
  let index = 0;
  // Like the events written with the decision elsewhere: its metadata (idempotency key included), caused by it.
  const metadata: EventMetadata = { ...decision.metadata, causationId: decision.id };
  return (decision.data.plan ?? []).map((planned) => ({
    streamId: planned.streamId,
    expectedRevision: planned.expectedRevision,
    events: planned.events.map((event) => ({ ...event, id: causedEventId(decision, index++), metadata })),
  }));
}

export const applied = (appends: readonly StreamAppend[]): DecisionApplied => ({
  type: 'DecisionApplied',
  data: { streams: appends.length, events: appends.reduce((sum, a) => sum + a.events.length, 0) },
});

export const applicationFailed = (streamId: string, error: { code: string; message: string }): DecisionApplicationFailed => ({
  type: 'DecisionApplicationFailed',
  data: { streamId, code: error.code, message: error.message },
});

/**
 * The append that closes an application. It expects the decision stream to hold the decision alone, so only one
 * closing event is ever stored, however many runs race to write it.
 */
export function closingAppend(decision: RecordedDecision, outcome: ClosingEvent): StreamAppend {
  const { idempotency: _key, ...metadata } = decision.metadata;
  const event: DomainEvent = outcome;
  return {
    streamId: decision.streamId,
    expectedRevision: decision.revision,
    events: [
      {
        id: causedEventId(decision, outcome.type),
        type: event.type,
        schemaVersion: DECISION_EVENT_SCHEMA_VERSIONS[outcome.type],
        data: event.data,
        metadata: { ...metadata, causationId: decision.id },
      },
    ],
  };
}
