import { DecisionRef } from '../core/event-envelope';
import { ProcedureAttributes, ProcedureStatus } from './procedure';
import { OrphanReason, ProcedureEvent } from './procedure.events';

/** Set while the procedure's implementing unit is gone and no decision has named a new agency. */
export interface Orphaned {
  readonly reason: OrphanReason;
  /** Effective date of the reorganisation that left the procedure without its unit. */
  readonly since: string;
  readonly unitId?: string;
}

/** A procedure as the ledger knows it after folding its stream; `undefined` means never recorded. */
export interface Procedure {
  readonly code: string;
  readonly status: ProcedureStatus;
  readonly attributes: ProcedureAttributes;
  /** How its history starts: an opening entry or an announcing decision. */
  readonly origin: 'opening' | 'announced';
  /** Effective date of the first event. */
  readonly since: string;
  /** Effective date of the latest event; later changes may not take effect before it. */
  readonly lastEffectiveDate: string;
  readonly lastDecision?: DecisionRef;
  readonly openingSource?: string;
  readonly replaces?: string;
  readonly replacedBy?: string;
  readonly orphaned?: Orphaned;
}

export type ProcedureState = Procedure | undefined;

/** Procedure events with the part of their metadata that state depends on. */
export type ProcedureFact = ProcedureEvent & {
  readonly metadata: { readonly effectiveDate: string; readonly decision?: DecisionRef; readonly source?: string };
};

export const initialProcedureState: ProcedureState = undefined;

export function evolveProcedure(state: ProcedureState, event: ProcedureFact): ProcedureState {
  const { effectiveDate, decision } = event.metadata;
  const touched = <T extends Procedure>(next: T): T => ({ ...next, lastEffectiveDate: effectiveDate, lastDecision: decision ?? next.lastDecision });

  switch (event.type) {
    case 'ProcedureOpened':
    case 'ProcedureAnnounced': {
      const { code, replaces, ...attributes } = { replaces: undefined, ...event.data };
      return {
        code,
        status: 'in_force',
        attributes,
        origin: event.type === 'ProcedureOpened' ? 'opening' : 'announced',
        since: effectiveDate,
        lastEffectiveDate: effectiveDate,
        ...(decision && { lastDecision: decision }),
        ...(event.type === 'ProcedureOpened' && event.metadata.source && { openingSource: event.metadata.source }),
        ...(replaces && { replaces }),
      };
    }
    case 'ProcedureAmended': {
      if (!state) return state;
      const { code: _code, ...attributes } = event.data;
      // An amendment restates the whole procedure, agency included: it resolves an orphaned procedure.
      return touched({ ...withoutOrphan(state), attributes });
    }
    case 'ProcessingTimeCut':
      return state && touched({ ...state, attributes: { ...state.attributes, announcedDays: event.data.toDays } });
    case 'ProcedureReplaced':
      return state && touched({ ...state, status: 'replaced', replacedBy: event.data.replacedBy });
    case 'ProcedureAbolished':
      return state && touched({ ...state, status: 'abolished' });
    case 'ProcedureAgencyChanged':
      return state && touched({ ...withoutOrphan(state), attributes: { ...state.attributes, agency: event.data.agency } });
    case 'ProcedureLevelChanged':
      return state && touched({ ...state, attributes: { ...state.attributes, level: event.data.level } });
    case 'ProcedureOrphaned': {
      const { reason, unitId } = event.data;
      return state && touched({ ...state, orphaned: { reason, since: effectiveDate, ...(unitId && { unitId }) } });
    }
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

function withoutOrphan(state: Procedure): Procedure {
  const { orphaned: _orphaned, ...rest } = state;
  return rest;
}

export const foldProcedure = (events: readonly ProcedureFact[]): ProcedureState =>
  events.reduce(evolveProcedure, initialProcedureState);
