import { BusinessRuleError } from '../core/errors/ledger-errors';
import { ProcedureAttributes } from './procedure';
import { Procedure, ProcedureState } from './procedure.state';

/** The rules every procedure command shares, each with its code, the field at fault and both languages. */

export function requireAbsent(state: ProcedureState, code: string): void {
  if (state) {
    throw new BusinessRuleError(
      'PROCEDURE.ALREADY_RECORDED',
      `procedure ${code} is already recorded (since ${state.since}); amend it instead`,
      `thủ tục ${code} đã có trong sổ (từ ngày ${state.since}); hãy dùng sửa đổi, bổ sung`,
      'code',
    );
  }
}

export function requireInForce(state: ProcedureState, code: string, field = 'code'): asserts state is Procedure {
  if (!state) {
    throw new BusinessRuleError(
      'PROCEDURE.UNKNOWN',
      `procedure ${code} is not recorded in the ledger`,
      `thủ tục ${code} chưa có trong sổ`,
      field,
    );
  }
  if (state.status !== 'in_force') {
    const how = state.status === 'abolished' ? 'abolished' : `replaced by ${state.replacedBy}`;
    const howVi = state.status === 'abolished' ? 'đã bị bãi bỏ' : `đã được thay thế bởi ${state.replacedBy}`;
    throw new BusinessRuleError(
      'PROCEDURE.NOT_IN_FORCE',
      `procedure ${code} was ${how} on ${state.lastEffectiveDate} and can no longer change`,
      `thủ tục ${code} ${howVi} từ ngày ${state.lastEffectiveDate}, không thể thay đổi`,
      field,
    );
  }
}

/** Changes are recorded in the order they take effect, so that the last event is the state in force. */
export function requireNotBefore(state: Procedure, effectiveDate: string): void {
  if (effectiveDate < state.lastEffectiveDate) {
    throw new BusinessRuleError(
      'PROCEDURE.EFFECTIVE_DATE_OUT_OF_ORDER',
      `effective date ${effectiveDate} is before the last recorded change of ${state.code} (${state.lastEffectiveDate})`,
      `ngày hiệu lực ${effectiveDate} sớm hơn lần thay đổi gần nhất của thủ tục ${state.code} (${state.lastEffectiveDate})`,
      'effectiveDate',
    );
  }
}

export function requireAnnouncedWithinStatutory(attributes: ProcedureAttributes): void {
  if (attributes.announcedDays > attributes.statutoryDays) {
    throw new BusinessRuleError(
      'PROCEDURE.ANNOUNCED_EXCEEDS_STATUTORY',
      `announcedDays (${attributes.announcedDays}) may not exceed statutoryDays (${attributes.statutoryDays})`,
      `thời gian công bố (${attributes.announcedDays} ngày) không được vượt thời gian quy định (${attributes.statutoryDays} ngày)`,
      'announcedDays',
    );
  }
}
