import { CORRECTION } from '../src/core/corrections';
import { textKey } from '../src/core/http/validation-rules';
import { DocumentProjection } from '../src/core/projection/document-projection';
import { PROCEDURE_EVENT_TYPES } from '../src/procedures/procedure.events';
import { evolveProcedure, Procedure, ProcedureFact } from '../src/procedures/procedure.state';

/** A catalogue line: the procedure as in force now, with the revision to send back as `expectedRevision`. */
export type CatalogEntry = Procedure & { readonly revision: number };

/**
 * The procedure catalogue: one document per procedure code, folded with the procedure slice's own `evolve`.
 * Indexed for the filters of GET /procedures and the sums of the processing-time reductions.
 */
export const procedureCatalogProjection: DocumentProjection<CatalogEntry> = {
  name: 'procedure-catalog',
  version: 3,
  handles: [...PROCEDURE_EVENT_TYPES, CORRECTION],
  foldsWholeStream: true,
  documentId: (event) => (event.data as { code: string }).code,
  evolve: (entry, event) => {
    // The corrected state itself comes from refolding the stream; the correction only moves the revision.
    if (event.type === CORRECTION) return entry && { ...entry, revision: event.revision };
    const procedure = evolveProcedure(entry, event as unknown as ProcedureFact);
    return procedure && { ...procedure, revision: event.revision };
  },
  indexes: {
    level: (entry) => entry.attributes.level,
    status: (entry) => entry.status,
    orphaned: (entry) => (entry.orphaned ? 1 : 0),
    field: (entry) => textKey(entry.attributes.field),
    agency: (entry) => textKey(entry.attributes.agency),
    decision: (entry) => entry.lastDecision?.number ?? null,
    year: (entry) => Number(entry.lastEffectiveDate.slice(0, 4)),
    statutory_days: (entry) => entry.attributes.statutoryDays,
    announced_days: (entry) => entry.attributes.announcedDays,
  },
};
