import { EventMetadata, RecordedEvent } from '../src/core/event-envelope';
import { ALL_EVENTS, DocumentProjection } from '../src/core/projection/document-projection';

/** `procedure-1.000046` → `procedure` and `1.000046`: streams are named `<entity type>-<entity id>`. */
export function entityOf(streamId: string): { readonly type: string; readonly id: string } {
  const dash = streamId.indexOf('-');
  return dash < 0 ? { type: streamId, id: '' } : { type: streamId.slice(0, dash), id: streamId.slice(dash + 1) };
}

/** An event's document id: its position, zero-padded so that the id order is the log order. */
export const auditEntryId = (position: number): string => String(position).padStart(15, '0');

/** An event as the inspector reads it in GET /audit: the stored event, its id named `eventId`. */
export interface AuditEntry<Type extends string = string, Data = unknown> {
  readonly position: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly type: Type;
  readonly schemaVersion: number;
  readonly recordedAt: string;
  readonly metadata: EventMetadata;
  readonly data: Data;
}

/** The entry of an event, its keys in the order GET /audit shows them. */
export const auditEntryOf = (event: RecordedEvent): AuditEntry => ({
  position: event.position,
  eventId: event.id,
  streamId: event.streamId,
  revision: event.revision,
  type: event.type,
  schemaVersion: event.schemaVersion,
  recordedAt: event.recordedAt,
  metadata: event.metadata,
  data: event.data,
});

/** The event an entry was made from, for the readers that fold events out of the trail. */
export const eventOfAuditEntry = (entry: AuditEntry): RecordedEvent => ({
  id: entry.eventId,
  streamId: entry.streamId,
  revision: entry.revision,
  position: entry.position,
  type: entry.type,
  schemaVersion: entry.schemaVersion,
  recordedAt: entry.recordedAt,
  metadata: entry.metadata,
  data: entry.data,
});

/**
 * The audit trail: every event of the log, whole, indexed by entity, actor, decision, event type, effective date
 * and recorded time. Inspectors filter it; "as of" and "as known at" answers are folded from it.
 */
export const auditTrailProjection: DocumentProjection<AuditEntry> = {
  name: 'audit-trail',
  // 2: the position index went; the id (the zero-padded position) already orders and pages the log.
  // 3: documents in the shape GET /audit answers with, so that a page is sent as stored, never parsed.
  version: 3,
  handles: ALL_EVENTS,
  // Zero-padded so that the id order is the log order: every index is (column, id), so a filter on one column reads
  // its matches already in log order, and a page starts right after a cursor.
  documentId: (event) => auditEntryId(event.position),
  documentPerEvent: true,
  evolve: (_nothing, event) => auditEntryOf(event),
  indexes: {
    entity_type: (entry) => entityOf(entry.streamId).type,
    entity_id: (entry) => entityOf(entry.streamId).id,
    actor: (entry) => entry.metadata.actor,
    decision: (entry) => entry.metadata.decision?.number ?? null,
    type: (entry) => entry.type,
    effective_date: (entry) => entry.metadata.effectiveDate,
    recorded_at: (entry) => entry.recordedAt,
  },
  // A procedure's events, a decision's, an actor's: each a sliver of the log, where a type or a kind of entity is a
  // good part of it.
  selectiveIndexes: ['entity_id', 'decision', 'actor'],
};
