import { DocumentProjection } from '../src/core/projection/document-projection';
import { PROCEDURE_EVENT_TYPES } from '../src/procedures/procedure.events';
import { evolveProcedure, Procedure, ProcedureFact } from '../src/procedures/procedure.state';

/** A catalogue line: the procedure as in force now, with the revision to send back as `expectedRevision`. */
export type CatalogEntry = Procedure & { readonly revision: number };

/** The procedure catalogue: one document per procedure code, folded with the procedure slice's own `evolve`. */
export const procedureCatalogProjection: DocumentProjection<CatalogEntry> = {
  name: 'procedure-catalog',
  version: 2,
  handles: PROCEDURE_EVENT_TYPES,
  documentId: (event) => (event.data as { code: string }).code,
  evolve: (entry, event) => {
    const procedure = evolveProcedure(entry, event as unknown as ProcedureFact);
    return procedure && { ...procedure, revision: event.revision };
  },
};
