import { BusinessRuleError, ConflictError } from '../../core/errors/ledger-errors';
import { procedureStreamId } from '../procedure';
import { decideProcedure, ProcedureCommand } from '../procedure.decider';
import { ProcedureState } from '../procedure.state';
import { atEntry, requireUniqueCodes, StreamEvents } from '../batch-rules';
import { DecisionItem, DecisionRecorded, decisionStreamId, RecordDecision } from './decision';

export interface DecisionState {
  readonly alreadyRecorded: boolean;
  /** State of every procedure the decision's items touch. */
  readonly procedures: ReadonlyMap<string, ProcedureState>;
}

/**
 * A decision is decided whole: every item is checked against the state it would find, and one broken rule refuses
 * the lot. The decision's own stream comes first, then one entry per procedure stream it changes.
 */
export function decideDecision(command: RecordDecision, state: DecisionState): StreamEvents[] {
  const { decision, effectiveDate, items } = command;
  if (state.alreadyRecorded) {
    throw new ConflictError(
      'DECISION.ALREADY_RECORDED',
      `decision ${decision.number} of ${decision.date} is already recorded`,
      `quyết định ${decision.number} ngày ${decision.date} đã được ghi vào sổ`,
      [{ field: 'decision.number', rule: 'DECISION.ALREADY_RECORDED', message: 'already recorded' }],
    );
  }
  if (effectiveDate < decision.date) {
    throw new BusinessRuleError(
      'DECISION.EFFECTIVE_BEFORE_SIGNED',
      `effectiveDate (${effectiveDate}) may not be before the decision was signed (${decision.date})`,
      `ngày hiệu lực (${effectiveDate}) không được trước ngày ký quyết định (${decision.date})`,
      'effectiveDate',
    );
  }
  requireNoSelfReplacement(items);
  requireUniqueCodes(
    'items',
    items.map((item) => (item.kind === 'replaced' ? [[item.code, 'code'], [item.replacesCode, 'replacesCode']] : [[item.code, 'code']])),
  );

  const recorded: DecisionRecorded = {
    type: 'DecisionRecorded',
    data: {
      ...decision,
      ...(command.title && { title: command.title }),
      effectiveDate,
      items: items.map((item) => ({ kind: item.kind, code: item.code, ...(item.kind === 'replaced' && { replacesCode: item.replacesCode }) })),
    },
  };
  const procedureEvents = items.flatMap((item, index) =>
    commandsFor(item, effectiveDate).map(({ command, codeField }) => ({
      streamId: procedureStreamId(command.code),
      events: atEntry('items', index, codeField, () => decideProcedure(command, state.procedures.get(command.code))),
    })),
  );
  return [{ streamId: decisionStreamId(decision), events: [recorded] }, ...procedureEvents];
}

/** The procedure commands an item stands for, each with the item field that names its procedure. */
function commandsFor(item: DecisionItem, effectiveDate: string): Array<{ command: ProcedureCommand; codeField: string }> {
  const { code } = item;
  switch (item.kind) {
    case 'new':
      return [{ command: { type: 'AnnounceProcedure', code, effectiveDate, attributes: item.attributes }, codeField: 'code' }];
    case 'amended':
      return [{ command: { type: 'AmendProcedure', code, effectiveDate, attributes: item.attributes }, codeField: 'code' }];
    case 'replaced':
      return [
        {
          command: { type: 'AnnounceProcedure', code, effectiveDate, attributes: item.attributes, replaces: item.replacesCode },
          codeField: 'code',
        },
        { command: { type: 'ReplaceProcedure', code: item.replacesCode, effectiveDate, replacedBy: code }, codeField: 'replacesCode' },
      ];
    case 'abolished':
      return [{ command: { type: 'AbolishProcedure', code, effectiveDate }, codeField: 'code' }];
    default: {
      const unknown: never = item;
      throw new Error(`unknown item kind ${(unknown as { kind: string }).kind}`);
    }
  }
}

function requireNoSelfReplacement(items: readonly DecisionItem[]): void {
  items.forEach((item, index) => {
    if (item.kind === 'replaced' && item.replacesCode === item.code) {
      throw new BusinessRuleError(
        'DECISION.REPLACES_ITSELF',
        `items[${index}]: a procedure cannot replace itself (${item.code}); use kind "amended"`,
        `mục ${index + 1}: thủ tục ${item.code} không thể thay thế chính nó; hãy dùng "sửa đổi, bổ sung"`,
        `items[${index}].replacesCode`,
      );
    }
  });
}
