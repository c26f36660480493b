import { DomainEvent } from '../core/event-envelope';
import { UnitAttributes, UnitLevel } from './unit';

type WithUnit<T = object> = { readonly unitId: string } & T;

/** Established; `formedBy` and `formedFrom` say when it was born of a merger or a split, and of which units. */
export type UnitEstablished = DomainEvent<
  'UnitEstablished',
  WithUnit<UnitAttributes & { readonly formedBy?: 'merger' | 'split'; readonly formedFrom?: readonly string[] }>
>;
export type UnitRenamed = DomainEvent<'UnitRenamed', WithUnit<{ readonly name: string; readonly previousName: string }>>;
/** Moved under another parent or to another level; the event states the full placement before and after. */
export type UnitTransferred = DomainEvent<
  'UnitTransferred',
  WithUnit<{ readonly level: UnitLevel; readonly parentId?: string; readonly previousLevel: UnitLevel; readonly previousParentId?: string }>
>;
/** This unit ended by merging into `into`. */
export type UnitMerged = DomainEvent<'UnitMerged', WithUnit<{ readonly into: string }>>;
/** This existing unit took in the units merged into it. */
export type UnitsAbsorbed = DomainEvent<'UnitsAbsorbed', WithUnit<{ readonly absorbed: readonly string[] }>>;
/** This unit ended by being split into the units in `into`. */
export type UnitSplit = DomainEvent<'UnitSplit', WithUnit<{ readonly into: readonly string[] }>>;
/** Dissolved on its own, or with the whole level it sat at. */
export type UnitDissolved = DomainEvent<'UnitDissolved', WithUnit<{ readonly reason: 'dissolved' | 'level_abolished' }>>;

export type UnitEvent = UnitEstablished | UnitRenamed | UnitTransferred | UnitMerged | UnitsAbsorbed | UnitSplit | UnitDissolved;
export type UnitEventType = UnitEvent['type'];

/** Current schema version of each event type; bump one when its data changes shape, and upcast the old. */
export const UNIT_EVENT_SCHEMA_VERSIONS: Record<UnitEventType, number> = {
  UnitEstablished: 1,
  UnitRenamed: 1,
  UnitTransferred: 1,
  UnitMerged: 1,
  UnitsAbsorbed: 1,
  UnitSplit: 1,
  UnitDissolved: 1,
};

export const UNIT_EVENT_TYPES = Object.keys(UNIT_EVENT_SCHEMA_VERSIONS) as UnitEventType[];
