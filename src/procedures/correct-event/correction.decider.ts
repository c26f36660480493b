import { EventCorrected } from '../../core/corrections';
import { RecordedEvent } from '../../core/event-envelope';
import { BusinessRuleError } from '../../core/errors/ledger-errors';
import { ProcedureAttributes } from '../procedure';
import { requireAnnouncedWithinStatutory } from '../procedure.rules';

/** What a correction says the corrected event should have carried. */
export interface CorrectEvent {
  readonly code: string;
  readonly correctsEventId: string;
  readonly reason: string;
  readonly attributes?: ProcedureAttributes;
  readonly cut?: { readonly fromDays: number; readonly toDays: number };
}

/** Events whose figures can be corrected, and which part of a correction carries their new data. */
const CORRECTABLE: Record<string, 'attributes' | 'cut'> = {
  ProcedureOpened: 'attributes',
  ProcedureAnnounced: 'attributes',
  ProcedureAmended: 'attributes',
  ProcessingTimeCut: 'cut',
};

/**
 * Corrects a recorded fact of a procedure by a new event: the original stays in the history, folds use the
 * corrected data. The corrected data must keep the rules the original had to keep.
 */
export function decideCorrection(command: CorrectEvent, stream: readonly RecordedEvent[]): EventCorrected[] {
  const target = stream.find((event) => event.id === command.correctsEventId);
  if (!target) {
    throw new BusinessRuleError(
      'CORRECTION.UNKNOWN_EVENT',
      `event ${command.correctsEventId} is not in the history of procedure ${command.code}`,
      `sự kiện ${command.correctsEventId} không thuộc lịch sử của thủ tục ${command.code}`,
      'correctsEventId',
    );
  }
  const carries = CORRECTABLE[target.type];
  if (!carries) {
    throw new BusinessRuleError(
      'CORRECTION.NOT_CORRECTABLE',
      `a ${target.type} event carries no figures to correct`,
      `sự kiện ${target.type} không có số liệu để đính chính`,
      'correctsEventId',
    );
  }
  const given = command[carries];
  const other = carries === 'attributes' ? 'cut' : 'attributes';
  if (!given || command[other]) {
    throw new BusinessRuleError(
      'CORRECTION.WRONG_DATA',
      `a correction of ${target.type} carries "${carries === 'attributes' ? 'procedure' : 'cut'}" and nothing else`,
      `đính chính sự kiện ${target.type} phải gửi "${carries === 'attributes' ? 'procedure' : 'cut'}"`,
      carries === 'attributes' ? 'procedure' : 'cut',
    );
  }
  if (command.attributes) requireAnnouncedWithinStatutory(command.attributes);
  if (command.cut && command.cut.toDays >= command.cut.fromDays) {
    throw new BusinessRuleError(
      'CUT.MUST_LOWER_DAYS',
      `a cut must lower the days: toDays (${command.cut.toDays}) must be less than fromDays (${command.cut.fromDays})`,
      `cắt giảm phải làm giảm thời gian: số ngày sau (${command.cut.toDays}) phải nhỏ hơn số ngày trước (${command.cut.fromDays})`,
      'cut.toDays',
    );
  }
  const original = target.data as Record<string, unknown>;
  return [
    {
      type: 'EventCorrected',
      data: { correctsEventId: target.id, correctedType: target.type, reason: command.reason, data: { ...original, ...given } },
    },
  ];
}
