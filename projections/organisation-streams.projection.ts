import { RecordedEvent } from '../src/core/event-envelope';
import { DocumentProjection } from '../src/core/projection/document-projection';
import { REORGANISATION_EVENT_TYPES } from '../src/organisation/reorganisation';
import { UNIT_EVENT_TYPES } from '../src/organisation/unit.events';

/** Every event of one stream, in order, as stored. */
export interface StreamHistory {
  readonly events: readonly RecordedEvent[];
}

/**
 * Organisational history is kept whole rather than folded: reads fold it as of any effective date, and the number of
 * reorganisation events is small (hundreds of units, a few events each), so keeping them is cheaper than a
 * read model per date.
 */
const streamHistories = (name: string, handles: readonly string[]): DocumentProjection<StreamHistory> => ({
  name,
  version: 1,
  handles,
  documentId: (event) => event.streamId,
  evolve: (history, event) => ({ events: [...(history?.events ?? []), event] }),
});

/** One document per unit stream (`unit-<id>`). */
export const unitHistoriesProjection = streamHistories('unit-histories', UNIT_EVENT_TYPES);

/** One document per decision's reorganisation stream: its records and published counts. */
export const reorganisationRecordsProjection = streamHistories('reorganisation-records', REORGANISATION_EVENT_TYPES);
