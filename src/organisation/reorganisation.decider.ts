import { ConflictError } from '../core/errors/ledger-errors';
import { StreamEvents } from '../procedures/batch-rules';
import { ProcedureEvent } from '../procedures/procedure.events';
import { decideMoves, OrganisationState, planProcedureMoves, unitNamed } from './procedure-moves.decider';
import { ProcedureEffect, ReorganisationKind, ReorganisationRecorded, ReorganisationSummary, ReorganisationSummaryRecorded, sameScope } from './reorganisation';
import { reorganisationStreamId } from './unit';
import { ReorganisationFacts, UnitCommand } from './unit.commands';
import { applyUnitParts, decideUnits } from './unit.decider';
import { UnitEvent } from './unit.events';
import { requireSignedBefore } from './unit.rules';

const KINDS: Record<UnitCommand['type'], ReorganisationKind> = {
  EstablishUnit: 'establishment',
  RenameUnit: 'renaming',
  TransferUnit: 'transfer',
  MergeUnits: 'merger',
  SplitUnit: 'split',
  DissolveUnit: 'dissolution',
  AbolishLevel: 'level_abolition',
};

const EFFECTS: Partial<Record<ProcedureEvent['type'], ProcedureEffect>> = {
  ProcedureLevelChanged: 'level_changed',
  ProcedureAgencyChanged: 'agency_changed',
  ProcedureOrphaned: 'orphaned',
};

/**
 * A reorganisation, whole: the decision's record first, then every unit stream it changes, then every procedure
 * that follows its unit. The handler appends them in one transaction, so no unit moves without its procedures.
 */
export function decideReorganisation(command: UnitCommand, state: OrganisationState): StreamEvents[] {
  const unitParts = decideUnits(command, state.units);
  const plan = planProcedureMoves(command, state, applyUnitParts(state.units, unitParts, command));
  const procedureParts = decideMoves(plan, state.procedures, unitNamed(command));
  const record: ReorganisationRecorded = {
    type: 'ReorganisationRecorded',
    data: {
      kind: KINDS[command.type],
      units: unitParts.map((part) => (part.events[0] as UnitEvent).data.unitId),
      procedures: procedureParts.map((part) => ({
        code: (part.events[0] as ProcedureEvent).data.code,
        effects: part.events.map((event) => EFFECTS[event.type as ProcedureEvent['type']]!),
      })),
      ...(plan.ambiguous.length > 0 && { ambiguous: plan.ambiguous }),
      ...(command.type === 'AbolishLevel' && { level: command.level }),
    },
  };
  return [{ streamId: reorganisationStreamId(command.decision), events: [record] }, ...unitParts, ...procedureParts];
}

export type RecordSummary = ReorganisationFacts & ReorganisationSummary;

/** Published counts under a decision: one line per level and category, recorded once. */
export function decideSummary(command: RecordSummary, recorded: readonly ReorganisationSummary[]): StreamEvents[] {
  const { decision, effectiveDate, countBefore, countAfter, level, category } = command;
  requireSignedBefore(decision, effectiveDate);
  const scope = { ...(level && { level }), ...(category && { category }) };
  if (recorded.some((line) => sameScope(line, scope))) {
    const what = `${level ?? 'every'} level, ${category ?? 'every'} category`;
    throw new ConflictError(
      'SUMMARY.ALREADY_RECORDED',
      `counts for ${what} under decision ${decision.number} of ${decision.date} are already recorded`,
      `số liệu (${what}) theo quyết định ${decision.number} ngày ${decision.date} đã được ghi vào sổ`,
      [{ field: 'level', rule: 'SUMMARY.ALREADY_RECORDED', message: 'already recorded' }],
    );
  }
  const event: ReorganisationSummaryRecorded = { type: 'ReorganisationSummaryRecorded', data: { ...scope, countBefore, countAfter } };
  return [{ streamId: reorganisationStreamId(decision), events: [event] }];
}
