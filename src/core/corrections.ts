import { DomainEvent, RecordedEvent } from './event-envelope';

/**
 * A recorded fact is never edited. A mistake is corrected by a new event in the same stream that names the event it
 * corrects, says why, and carries the corrected data. History shows both; state is folded as if the corrected
 * event had carried the corrected data; a reader "as known at" a time before the correction still sees the original.
 */
export const CORRECTION = 'EventCorrected';

export interface EventCorrectedData {
  readonly correctsEventId: string;
  readonly correctedType: string;
  readonly reason: string;
  /** The data the corrected event should have carried, in full. */
  readonly data: unknown;
}

export type EventCorrected = DomainEvent<typeof CORRECTION, EventCorrectedData>;

export const isCorrection = (event: DomainEvent): event is EventCorrected => event.type === CORRECTION;

/** The stream as it should have been: each corrected event carries its latest correction's data; corrections vanish. */
export function applyCorrections<E extends RecordedEvent>(events: readonly E[]): E[] {
  const corrected = new Map<string, unknown>();
  for (const event of events) {
    if (isCorrection(event)) corrected.set(event.data.correctsEventId, event.data.data);
  }
  if (corrected.size === 0) return [...events];
  return events.filter((event) => !isCorrection(event)).map((event) => (corrected.has(event.id) ? { ...event, data: corrected.get(event.id) } : event));
}
