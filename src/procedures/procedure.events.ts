import { DomainEvent } from '../core/event-envelope';
import { Level, ProcedureAttributes } from './procedure';

type WithCode<T = object> = { readonly code: string } & T;

/** The catalogue as it stood when the ledger started: an opening entry, not a decision of that day. */
export type ProcedureOpened = DomainEvent<'ProcedureOpened', WithCode<ProcedureAttributes>>;
/** Announced as new by a decision; `replaces` names the procedure it takes the place of, if any. */
export type ProcedureAnnounced = DomainEvent<'ProcedureAnnounced', WithCode<ProcedureAttributes & { readonly replaces?: string }>>;
/** Amended (sửa đổi, bổ sung): the event carries the procedure as amended, in full. */
export type ProcedureAmended = DomainEvent<'ProcedureAmended', WithCode<ProcedureAttributes>>;
export type ProcedureReplaced = DomainEvent<'ProcedureReplaced', WithCode<{ readonly replacedBy: string }>>;
export type ProcedureAbolished = DomainEvent<'ProcedureAbolished', WithCode>;
export type ProcessingTimeCut = DomainEvent<'ProcessingTimeCut', WithCode<{ readonly fromDays: number; readonly toDays: number }>>;

/**
 * Why a procedure changed agency or level without a decision on the procedure itself: the unit implementing it was
 * reorganised. The procedure slice does not know units; it keeps the reason and the successor unit's id as given.
 */
export const MOVE_REASONS = ['unit_merged', 'unit_split', 'unit_renamed', 'unit_transferred', 'level_abolished'] as const;
export type MoveReason = (typeof MOVE_REASONS)[number];
export const ORPHAN_REASONS = ['unit_dissolved', 'unit_split', 'level_abolished'] as const;
export type OrphanReason = (typeof ORPHAN_REASONS)[number];

/** The implementing agency now has another name: the successor of a merger or split, or the unit's new name. */
export type ProcedureAgencyChanged = DomainEvent<
  'ProcedureAgencyChanged',
  WithCode<{ readonly agency: string; readonly previousAgency: string; readonly reason: MoveReason; readonly unitId?: string }>
>;
/** The procedure is now implemented at another level (its unit moved, or its level was abolished). */
export type ProcedureLevelChanged = DomainEvent<
  'ProcedureLevelChanged',
  WithCode<{ readonly level: Level; readonly previousLevel: Level; readonly reason: MoveReason; readonly unitId?: string }>
>;
/**
 * The implementing unit is gone and no successor was named: the procedure stays in force, flagged for the reform
 * office, which resolves it by a decision amending the procedure. `agency` and `level` are the ones that are gone.
 */
export type ProcedureOrphaned = DomainEvent<
  'ProcedureOrphaned',
  WithCode<{ readonly agency: string; readonly level: Level; readonly reason: OrphanReason; readonly unitId?: string }>
>;

export type ProcedureEvent =
  | ProcedureOpened
  | ProcedureAnnounced
  | ProcedureAmended
  | ProcedureReplaced
  | ProcedureAbolished
  | ProcessingTimeCut
  | ProcedureAgencyChanged
  | ProcedureLevelChanged
  | ProcedureOrphaned;

export type ProcedureEventType = ProcedureEvent['type'];

/** Current schema version of each event type; bump one when its data changes shape, and upcast the old. */
export const PROCEDURE_EVENT_SCHEMA_VERSIONS: Record<ProcedureEventType, number> = {
  ProcedureOpened: 1,
  ProcedureAnnounced: 1,
  ProcedureAmended: 1,
  ProcedureReplaced: 1,
  ProcedureAbolished: 1,
  ProcessingTimeCut: 1,
  ProcedureAgencyChanged: 1,
  ProcedureLevelChanged: 1,
  ProcedureOrphaned: 1,
};

export const PROCEDURE_EVENT_TYPES = Object.keys(PROCEDURE_EVENT_SCHEMA_VERSIONS) as ProcedureEventType[];

export const isProcedureEvent = (event: DomainEvent): event is ProcedureEvent =>
  Object.prototype.hasOwnProperty.call(PROCEDURE_EVENT_SCHEMA_VERSIONS, event.type);
