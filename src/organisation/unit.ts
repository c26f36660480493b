import { DecisionRef } from '../core/event-envelope';
import { Level } from '../procedures/procedure';

/**
 * What an organisational unit (đầu mối) is. Unit ids are opaque strings chosen by the caller, so that a decision
 * can name the units it reorganises before and after they exist in the ledger.
 */

/** Levels a unit sits at: a subset of the procedure levels, so that a procedure can follow its unit's level. */
export const UNIT_LEVELS = ['province', 'district', 'commune'] as const satisfies readonly Level[];
export type UnitLevel = (typeof UNIT_LEVELS)[number];

/** `province` is the province itself (UBND tỉnh), the root of a provincial registry. */
export const UNIT_CATEGORIES = ['province', 'agency', 'sub_agency', 'office', 'public_service_unit', 'one_stop_desk'] as const;
export type UnitCategory = (typeof UNIT_CATEGORIES)[number];

/** A unit ends once, by being merged into another, split into several, or dissolved. */
export const UNIT_STATUSES = ['active', 'merged', 'split', 'dissolved'] as const;
export type UnitStatus = (typeof UNIT_STATUSES)[number];

export interface UnitAttributes {
  readonly name: string;
  readonly level: UnitLevel;
  readonly category: UnitCategory;
  /** The unit it belongs to; absent for a root (the province). */
  readonly parentId?: string;
}

export interface NewUnit extends UnitAttributes {
  readonly unitId: string;
}

export const unitStreamId = (unitId: string): string => `unit-${unitId}`;

/**
 * Every reorganisation under one decision is also recorded in that decision's own stream, so that a retry finds its
 * first outcome there and a reader sees everything the decision did. Numbers restart yearly: the date is part of it.
 */
export const reorganisationStreamId = (ref: Pick<DecisionRef, 'number' | 'date'>): string => `reorganisation-${ref.number}@${ref.date}`;

export const sameDecision = (a: DecisionRef | undefined, b: Pick<DecisionRef, 'number' | 'date'>): boolean =>
  a !== undefined && a.number === b.number && a.date === b.date;
