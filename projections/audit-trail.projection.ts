import { RecordedEvent } from '../src/core/event-envelope';
import { ALL_EVENTS, DocumentProjection } from '../src/core/projection/document-projection';

/** `procedure-1.000046` → `procedure` and `1.000046`: streams are named `<entity type>-<entity id>`. */
export function entityOf(streamId: string): { readonly type: string; readonly id: string } {
  const dash = streamId.indexOf('-');
  return dash < 0 ? { type: streamId, id: '' } : { type: streamId.slice(0, dash), id: streamId.slice(dash + 1) };
}

/**
 * The audit trail: every event of the log, whole, indexed by entity, actor, decision, event type, effective date
 * and recorded time. Inspectors filter it; "as of" and "as known at" answers are folded from it.
 */
export const auditTrailProjection: DocumentProjection<RecordedEvent> = {
  name: 'audit-trail',
  version: 1,
  handles: ALL_EVENTS,
  // Zero-padded so that the id order is the log order.
  documentId: (event) => String(event.position).padStart(15, '0'),
  documentPerEvent: true,
  evolve: (_nothing, event) => event,
  indexes: {
    position: (event) => event.position,
    entity_type: (event) => entityOf(event.streamId).type,
    entity_id: (event) => entityOf(event.streamId).id,
    actor: (event) => event.metadata.actor,
    decision: (event) => event.metadata.decision?.number ?? null,
    type: (event) => event.type,
    effective_date: (event) => event.metadata.effectiveDate,
    recorded_at: (event) => event.recordedAt,
  },
};
