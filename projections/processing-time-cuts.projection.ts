import { CORRECTION } from '../src/core/corrections';
import { DecisionRef } from '../src/core/event-envelope';
import { DocumentProjection } from '../src/core/projection/document-projection';
import { Level } from '../src/procedures/procedure';
import { PROCEDURE_EVENT_TYPES } from '../src/procedures/procedure.events';
import { evolveProcedure, Procedure, ProcedureFact } from '../src/procedures/procedure.state';

/** One cut, with the procedure's classification when it was made: a later move does not re-file old cuts. */
export interface CutRecord {
  readonly position: number;
  readonly effectiveDate: string;
  readonly decision?: DecisionRef;
  readonly fromDays: number;
  readonly toDays: number;
  readonly level: Level;
  readonly field: string;
  readonly agency: string;
}

export interface ProcedureCuts {
  readonly procedure: Procedure;
  readonly cuts: readonly CutRecord[];
}

/**
 * Processing-time cuts made, per procedure, so that the cuts of any period can be summed by level, field, agency,
 * decision and year. (Reductions of the procedures in force are summed from the catalogue.)
 */
export const processingTimeCutsProjection: DocumentProjection<ProcedureCuts> = {
  name: 'processing-time-cuts',
  version: 1,
  handles: [...PROCEDURE_EVENT_TYPES, CORRECTION],
  foldsWholeStream: true,
  documentId: (event) => (event.data as { code: string }).code,
  evolve: (current, event) => {
    if (event.type === CORRECTION) return current;
    const before = current?.procedure;
    const procedure = evolveProcedure(before, event as unknown as ProcedureFact);
    if (!procedure) return current;
    const cuts = current?.cuts ?? [];
    if (event.type !== 'ProcessingTimeCut' || !before) return { procedure, cuts };
    const { fromDays, toDays } = event.data as { fromDays: number; toDays: number };
    const { level, field, agency } = before.attributes;
    const cut: CutRecord = {
      position: event.position,
      effectiveDate: event.metadata.effectiveDate,
      ...(event.metadata.decision && { decision: event.metadata.decision }),
      fromDays,
      toDays,
      level,
      field,
      agency,
    };
    return { procedure, cuts: [...cuts, cut] };
  },
  indexes: { cut_count: (document) => document.cuts.length },
};
