import { BusinessRuleError } from '../core/errors/ledger-errors';
import { Level, ProcedureAttributes } from './procedure';
import { MoveReason, OrphanReason, ProcedureEvent } from './procedure.events';
import { requireAbsent, requireAnnouncedWithinStatutory, requireInForce, requireNotBefore } from './procedure.rules';
import { ProcedureState } from './procedure.state';

/** Commands on one procedure. Each carries the date on which it takes legal effect. */
export type ProcedureCommand =
  | { readonly type: 'OpenProcedure'; readonly code: string; readonly effectiveDate: string; readonly attributes: ProcedureAttributes }
  | {
      readonly type: 'AnnounceProcedure';
      readonly code: string;
      readonly effectiveDate: string;
      readonly attributes: ProcedureAttributes;
      readonly replaces?: string;
    }
  | { readonly type: 'AmendProcedure'; readonly code: string; readonly effectiveDate: string; readonly attributes: ProcedureAttributes }
  | { readonly type: 'ReplaceProcedure'; readonly code: string; readonly effectiveDate: string; readonly replacedBy: string }
  | { readonly type: 'AbolishProcedure'; readonly code: string; readonly effectiveDate: string }
  | {
      readonly type: 'CutProcessingTime';
      readonly code: string;
      readonly effectiveDate: string;
      readonly fromDays: number;
      readonly toDays: number;
    }
  /** Follow the implementing unit to its new name or level; only what actually changes becomes an event. */
  | {
      readonly type: 'MoveProcedure';
      readonly code: string;
      readonly effectiveDate: string;
      readonly agency?: string;
      readonly level?: Level;
      readonly reason: MoveReason;
      readonly unitId?: string;
    }
  | { readonly type: 'OrphanProcedure'; readonly code: string; readonly effectiveDate: string; readonly reason: OrphanReason; readonly unitId?: string };

/** The business rules of a single procedure: (command, state) → events, or a `BusinessRuleError`. */
export function decideProcedure(command: ProcedureCommand, state: ProcedureState): ProcedureEvent[] {
  const { code } = command;
  switch (command.type) {
    case 'OpenProcedure':
      requireAbsent(state, code);
      requireAnnouncedWithinStatutory(command.attributes);
      return [{ type: 'ProcedureOpened', data: { code, ...command.attributes } }];

    case 'AnnounceProcedure':
      requireAbsent(state, code);
      requireAnnouncedWithinStatutory(command.attributes);
      return [
        { type: 'ProcedureAnnounced', data: { code, ...command.attributes, ...(command.replaces && { replaces: command.replaces }) } },
      ];

    case 'AmendProcedure':
      requireInForce(state, code);
      requireNotBefore(state, command.effectiveDate);
      requireAnnouncedWithinStatutory(command.attributes);
      return [{ type: 'ProcedureAmended', data: { code, ...command.attributes } }];

    case 'ReplaceProcedure':
      requireInForce(state, code);
      requireNotBefore(state, command.effectiveDate);
      return [{ type: 'ProcedureReplaced', data: { code, replacedBy: command.replacedBy } }];

    case 'AbolishProcedure':
      requireInForce(state, code);
      requireNotBefore(state, command.effectiveDate);
      return [{ type: 'ProcedureAbolished', data: { code } }];

    case 'CutProcessingTime': {
      requireInForce(state, code);
      requireNotBefore(state, command.effectiveDate);
      const current = state.attributes.announcedDays;
      if (command.fromDays !== current) {
        throw new BusinessRuleError(
          'CUT.FROM_DAYS_MISMATCH',
          `fromDays (${command.fromDays}) must equal the days currently announced for ${code} (${current})`,
          `số ngày trước khi cắt giảm (${command.fromDays}) phải bằng thời gian đang công bố của thủ tục ${code} (${current} ngày)`,
          'fromDays',
        );
      }
      if (command.toDays >= command.fromDays) {
        throw new BusinessRuleError(
          'CUT.MUST_LOWER_DAYS',
          `a cut must lower the days: toDays (${command.toDays}) must be less than fromDays (${command.fromDays})`,
          `cắt giảm phải làm giảm thời gian: số ngày sau (${command.toDays}) phải nhỏ hơn số ngày trước (${command.fromDays})`,
          'toDays',
        );
      }
      return [{ type: 'ProcessingTimeCut', data: { code, fromDays: command.fromDays, toDays: command.toDays } }];
    }

    case 'MoveProcedure': {
      requireInForce(state, code);
      requireNotBefore(state, command.effectiveDate);
      const { level: previousLevel, agency: previousAgency } = state.attributes;
      const { reason, unitId } = command;
      const events: ProcedureEvent[] = [];
      if (command.level !== undefined && command.level !== previousLevel) {
        events.push({ type: 'ProcedureLevelChanged', data: { code, level: command.level, previousLevel, reason, ...(unitId && { unitId }) } });
      }
      if (command.agency !== undefined && command.agency !== previousAgency) {
        events.push({ type: 'ProcedureAgencyChanged', data: { code, agency: command.agency, previousAgency, reason, ...(unitId && { unitId }) } });
      }
      return events;
    }

    case 'OrphanProcedure': {
      requireInForce(state, code);
      requireNotBefore(state, command.effectiveDate);
      const { agency, level } = state.attributes;
      const { reason, unitId } = command;
      return [{ type: 'ProcedureOrphaned', data: { code, agency, level, reason, ...(unitId && { unitId }) } }];
    }

    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${(unknown as { type: string }).type}`);
    }
  }
}
