import { DecisionRef } from '../core/event-envelope';
import { ProcedureAttributes, ProcedureStatus } from './procedure';
import { ProcedureEvent } from './procedure.events';

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
      return touched({ ...state, attributes });
    }
    case 'ProcessingTimeCut':
      return state && touched({ ...state, attributes: { ...state.attributes, announcedDays: event.data.toDays } });
    case 'ProcedureReplaced':
      return state && touched({ ...state, status: 'replaced', replacedBy: event.data.replacedBy });
    case 'ProcedureAbolished':
      return state && touched({ ...state, status: 'abolished' });
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

export const foldProcedure = (events: readonly ProcedureFact[]): ProcedureState =>
  events.reduce(evolveProcedure, initialProcedureState);
