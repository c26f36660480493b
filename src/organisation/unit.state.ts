import { DecisionRef } from '../core/event-envelope';
import { UnitAttributes, UnitStatus } from './unit';
import { UnitEvent } from './unit.events';

/** A merger or split as one side of it sees it: the other units, when, and under which decision. */
export interface LineageStep {
  readonly kind: 'merger' | 'split';
  readonly units: readonly string[];
  readonly effectiveDate: string;
  readonly decision?: DecisionRef;
}

export interface UnitEnd {
  readonly reason: 'merger' | 'split' | 'dissolution' | 'level_abolition';
  readonly effectiveDate: string;
  /** Successors: the unit merged into, or the parts of a split; empty for a dissolution. */
  readonly into: readonly string[];
  readonly decision?: DecisionRef;
}

/** A unit as the ledger knows it after folding its stream (up to a date, for "as of" reads). */
export interface Unit extends UnitAttributes {
  readonly id: string;
  readonly status: UnitStatus;
  /** Effective date of its establishment: nothing may happen to it before. */
  readonly since: string;
  /** Effective date of its latest event; later changes may not take effect before it. */
  readonly lastEffectiveDate: string;
  readonly lastDecision?: DecisionRef;
  /** The merger or split it was born of. */
  readonly formedFrom?: LineageStep;
  /** Mergers it took other units in by, while it went on. */
  readonly absorbed: readonly LineageStep[];
  readonly ended?: UnitEnd;
}

export type UnitState = Unit | undefined;

/** Unit events with the part of their metadata that state depends on. */
export type UnitFact = UnitEvent & { readonly metadata: { readonly effectiveDate: string; readonly decision?: DecisionRef } };

export function evolveUnit(state: UnitState, event: UnitFact): UnitState {
  const { effectiveDate, decision } = event.metadata;
  const touched = (next: Unit): Unit => ({ ...next, lastEffectiveDate: effectiveDate, lastDecision: decision ?? next.lastDecision });
  const ended = (next: Unit, status: UnitStatus, reason: UnitEnd['reason'], into: readonly string[]): Unit =>
    touched({ ...next, status, ended: { reason, effectiveDate, into, ...(decision && { decision }) } });

  switch (event.type) {
    case 'UnitEstablished': {
      const { unitId, name, level, category, parentId, formedBy, formedFrom } = event.data;
      return {
        id: unitId,
        name,
        level,
        category,
        ...(parentId !== undefined && { parentId }),
        status: 'active',
        since: effectiveDate,
        lastEffectiveDate: effectiveDate,
        ...(decision && { lastDecision: decision }),
        ...(formedBy && { formedFrom: { kind: formedBy, units: formedFrom ?? [], effectiveDate, ...(decision && { decision }) } }),
        absorbed: [],
      };
    }
    case 'UnitRenamed':
      return state && touched({ ...state, name: event.data.name });
    case 'UnitTransferred': {
      if (!state) return state;
      const { parentId: _previous, ...rest } = state;
      const { level, parentId } = event.data;
      return touched({ ...rest, level, ...(parentId !== undefined && { parentId }) });
    }
    case 'UnitsAbsorbed':
      return (
        state &&
        touched({ ...state, absorbed: [...state.absorbed, { kind: 'merger', units: event.data.absorbed, effectiveDate, ...(decision && { decision }) }] })
      );
    case 'UnitMerged':
      return state && ended(state, 'merged', 'merger', [event.data.into]);
    case 'UnitSplit':
      return state && ended(state, 'split', 'split', event.data.into);
    case 'UnitDissolved':
      return state && ended(state, 'dissolved', event.data.reason === 'level_abolished' ? 'level_abolition' : 'dissolution', []);
    default: {
      const unknown: never = event;
      return unknown;
    }
  }
}

/** Every unit by id. */
export type UnitRegistry = ReadonlyMap<string, Unit>;

export const emptyRegistry: UnitRegistry = new Map();

export function evolveRegistry(registry: UnitRegistry, event: UnitFact): UnitRegistry {
  const next = evolveUnit(registry.get(event.data.unitId), event);
  return next ? new Map(registry).set(next.id, next) : registry;
}

/**
 * A unit's stream folded as of a date: only events in effect by then. Changes to a unit are recorded in the order
 * they take effect (the deciders refuse anything else), so this is always a prefix of the stream.
 */
export function foldUnitAsOf(events: readonly UnitFact[], asOf?: string): UnitState {
  let state: UnitState;
  for (const event of events) {
    if (asOf !== undefined && event.metadata.effectiveDate > asOf) break;
    state = evolveUnit(state, event);
  }
  return state;
}

/** The registry as of a date (everything recorded, without one), from each unit's events. */
export function registryAsOf(histories: Iterable<readonly UnitFact[]>, asOf?: string): UnitRegistry {
  const registry = new Map<string, Unit>();
  for (const events of histories) {
    const unit = foldUnitAsOf(events, asOf);
    if (unit) registry.set(unit.id, unit);
  }
  return registry;
}
