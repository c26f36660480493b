import { CORRECTION } from '../src/core/corrections';
import { DecisionRef } from '../src/core/event-envelope';
import { DocumentProjection } from '../src/core/projection/document-projection';
import { Level, ProcedureAttributes } from '../src/procedures/procedure';
import { PROCEDURE_EVENT_TYPES } from '../src/procedures/procedure.events';
import { ProcedureFact } from '../src/procedures/procedure.state';

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

/** What a cut is filed under: the procedure's level, field and agency when the cut was made. */
export type Filing = Pick<ProcedureAttributes, 'level' | 'field' | 'agency'>;

export interface ProcedureCuts {
  /** The procedure's filing now, for its next cut. */
  readonly filing: Filing;
  readonly cuts: readonly CutRecord[];
}

const filingOf = ({ level, field, agency }: Filing): Filing => ({ level, field, agency });

/**
 * The filing after an event, `undefined` while the procedure is not recorded. Every procedure event is named, so that
 * a new kind of event has to say here whether it re-files the procedure.
 */
function nextFiling(filing: Filing | undefined, event: ProcedureFact): Filing | undefined {
  switch (event.type) {
    case 'ProcedureOpened':
    case 'ProcedureAnnounced':
      return filingOf(event.data);
    case 'ProcedureAmended':
      return filing && filingOf(event.data);
    case 'ProcedureAgencyChanged':
      return filing && { ...filing, agency: event.data.agency };
    case 'ProcedureLevelChanged':
      return filing && { ...filing, level: event.data.level };
    case 'ProcessingTimeCut':
    case 'ProcedureReplaced':
    case 'ProcedureAbolished':
    case 'ProcedureOrphaned':
      return filing;
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/**
 * Processing-time cuts made, per procedure, so that the cuts of any period can be summed by level, field, agency,
 * decision and year. (Reductions of the procedures in force are summed from the catalogue.) A document holds the
 * procedure's filing, not the whole procedure (the catalogue has that): documents stay small, and a rebuild keeps
 * more of them in memory.
 */
export const processingTimeCutsProjection: DocumentProjection<ProcedureCuts> = {
  name: 'processing-time-cuts',
  // 2: the filing in place of the whole procedure.
  version: 2,
  handles: [...PROCEDURE_EVENT_TYPES, CORRECTION],
  foldsWholeStream: true,
  documentId: (event) => (event.data as { code: string }).code,
  evolve: (current, event) => {
    if (event.type === CORRECTION) return current;
    const fact = event as unknown as ProcedureFact;
    const filing = nextFiling(current?.filing, fact);
    if (!filing) return current;
    const cuts = current?.cuts ?? [];
    if (fact.type !== 'ProcessingTimeCut' || !current) return { filing, cuts };
    const cut: CutRecord = {
      position: event.position,
      effectiveDate: fact.metadata.effectiveDate,
      ...(fact.metadata.decision && { decision: fact.metadata.decision }),
      fromDays: fact.data.fromDays,
      toDays: fact.data.toDays,
      ...current.filing,
    };
    return { filing, cuts: [...cuts, cut] };
  },
  indexes: { cut_count: (document) => document.cuts.length },
};
