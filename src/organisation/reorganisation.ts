import { DomainEvent } from '../core/event-envelope';
import { UnitCategory, UnitLevel } from './unit';

/** What one reorganisation command did; recorded in the ordering decision's own stream. */
export const REORGANISATION_KINDS = ['establishment', 'renaming', 'transfer', 'merger', 'split', 'dissolution', 'level_abolition'] as const;
export type ReorganisationKind = (typeof REORGANISATION_KINDS)[number];

export const PROCEDURE_EFFECTS = ['level_changed', 'agency_changed', 'orphaned'] as const;
export type ProcedureEffect = (typeof PROCEDURE_EFFECTS)[number];

export interface ProcedureFollowed {
  readonly code: string;
  readonly effects: readonly ProcedureEffect[];
}

/** The summary line of a reorganisation: which unit and procedure streams it wrote, in append order. */
export type ReorganisationRecorded = DomainEvent<
  'ReorganisationRecorded',
  {
    readonly kind: ReorganisationKind;
    readonly units: readonly string[];
    readonly procedures: readonly ProcedureFollowed[];
    /** Procedures not moved because several active units carry their agency's name. */
    readonly ambiguous?: readonly string[];
    /** For a level abolition: the level abolished. */
    readonly level?: UnitLevel;
  }
>;

/** Which units a count covers; an absent level or category means every one. */
export interface UnitCountScope {
  readonly level?: UnitLevel;
  readonly category?: UnitCategory;
}

/** Counts published without the detail, e.g. 214 → 124 provincial units under 999-QĐ/TU. */
export interface ReorganisationSummary extends UnitCountScope {
  readonly countBefore: number;
  readonly countAfter: number;
}

export type ReorganisationSummaryRecorded = DomainEvent<'ReorganisationSummaryRecorded', ReorganisationSummary>;

export type ReorganisationEvent = ReorganisationRecorded | ReorganisationSummaryRecorded;

export const REORGANISATION_EVENT_SCHEMA_VERSIONS: Record<ReorganisationEvent['type'], number> = {
  ReorganisationRecorded: 1,
  ReorganisationSummaryRecorded: 1,
};

export const REORGANISATION_EVENT_TYPES = Object.keys(REORGANISATION_EVENT_SCHEMA_VERSIONS) as Array<ReorganisationEvent['type']>;

export const sameScope = (a: UnitCountScope, b: UnitCountScope): boolean => a.level === b.level && a.category === b.category;
