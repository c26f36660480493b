import { randomUUID } from 'node:crypto';
import { NewEvent } from '../../src/core/event-envelope';

/** A well-formed event for store tests; the payload carries a marker so tests can tell events apart. */
export function anEvent(marker: string | number, overrides: Partial<NewEvent> = {}): NewEvent {
  return {
    id: randomUUID(),
    type: 'SomethingRecorded',
    schemaVersion: 1,
    data: { marker },
    metadata: { actor: 'tester', effectiveDate: '2022-06-18', correlationId: randomUUID() },
    ...overrides,
  };
}
