import { RecordedEvent } from '../src/core/event-envelope';
import { ALL_EVENTS, DocumentProjection } from '../src/core/projection/document-projection';

/** `procedure-1.000046` → `procedure` and `1.000046`: streams are named `<entity type>-<entity id>`. */
export function entityOf(streamId: string): { readonly type: string; readonly id: string } {
  const dash = streamId.indexOf('-');
  return dash < 0 ? { type: streamId, id: '' } : { type: streamId.slice(0, dash), id: streamId.slice(dash + 1) };
}

/** An event's document id: its position, zero-padded so that the id order is the log order. */
export const auditEntryId = (position: number): string => String(position).padStart(15, '0');

/**
 * The audit trail: every event of the log, whole, indexed by entity, actor, decision, event type, effective date
 * and recorded time. Inspectors filter it; "as of" and "as known at" answers are folded from it.
 */
export const auditTrailProjection: DocumentProjection<RecordedEvent> = {
  name: 'audit-trail',
  // 2: the position index went; the id (the zero-padded position) already orders and pages the log.
  version: 2,
  handles: ALL_EVENTS,
  // Zero-padded so that the id order is the log order: every index is (column, id), so a filter on one column reads
  // its matches already in log order, and a page starts right after a cursor.
  documentId: (event) => auditEntryId(event.position),
  documentPerEvent: true,
  evolve: (_nothing, event) => event,
  indexes: {
    entity_type: (event) => entityOf(event.streamId).type,
    entity_id: (event) => entityOf(event.streamId).id,
    actor: (event) => event.metadata.actor,
    decision: (event) => event.metadata.decision?.number ?? null,
    type: (event) => event.type,
    effective_date: (event) => event.metadata.effectiveDate,
    recorded_at: (event) => event.recordedAt,
  },
};
