import { DomainEvent } from '../core/event-envelope';
import { ProcedureAttributes } from './procedure';

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

export type ProcedureEvent =
  | ProcedureOpened
  | ProcedureAnnounced
  | ProcedureAmended
  | ProcedureReplaced
  | ProcedureAbolished
  | ProcessingTimeCut;

export type ProcedureEventType = ProcedureEvent['type'];

/** Current schema version of each event type; bump one when its data changes shape, and upcast the old. */
export const PROCEDURE_EVENT_SCHEMA_VERSIONS: Record<ProcedureEventType, number> = {
  ProcedureOpened: 1,
  ProcedureAnnounced: 1,
  ProcedureAmended: 1,
  ProcedureReplaced: 1,
  ProcedureAbolished: 1,
  ProcessingTimeCut: 1,
};

export const PROCEDURE_EVENT_TYPES = Object.keys(PROCEDURE_EVENT_SCHEMA_VERSIONS) as ProcedureEventType[];

export const isProcedureEvent = (event: DomainEvent): event is ProcedureEvent =>
  Object.prototype.hasOwnProperty.call(PROCEDURE_EVENT_SCHEMA_VERSIONS, event.type);
