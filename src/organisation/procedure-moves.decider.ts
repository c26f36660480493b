import { BusinessRuleError } from '../core/errors/ledger-errors';
import { textKey } from '../core/http/validation-rules';
import { StreamEvents } from '../procedures/batch-rules';
import { procedureStreamId } from '../procedures/procedure';
import { decideProcedure, ProcedureCommand } from '../procedures/procedure.decider';
import { isProcedureEvent } from '../procedures/procedure.events';
import { evolveProcedure, Procedure, ProcedureFact } from '../procedures/procedure.state';
import { UnitCommand } from './unit.commands';
import { applyUnitParts, decideUnits } from './unit.decider';
import { emptyRegistry, evolveRegistry, Unit, UnitFact, UnitRegistry } from './unit.state';

/** What a reorganisation is decided against: the unit registry and the procedure catalogue. */
export interface OrganisationState {
  readonly units: UnitRegistry;
  readonly procedures: ReadonlyMap<string, Procedure>;
}

export const emptyOrganisation: OrganisationState = { units: emptyRegistry, procedures: new Map() };

export function evolveOrganisation(state: OrganisationState, event: UnitFact | ProcedureFact): OrganisationState {
  if (!isProcedureEvent(event)) return { ...state, units: evolveRegistry(state.units, event as UnitFact) };
  const procedure = evolveProcedure(state.procedures.get(event.data.code), event as ProcedureFact);
  return procedure ? { ...state, procedures: new Map(state.procedures).set(procedure.code, procedure) } : state;
}

export interface ProcedureMovePlan {
  readonly commands: readonly ProcedureCommand[];
  /** Procedures left alone because several active units carry their agency's name: the reform office decides. */
  readonly ambiguous: readonly string[];
}

/**
 * Procedures name their implementing agency in free text. A procedure follows a unit when it is in force at the
 * unit's level and its agency is the unit's name (same letters and marks, any case, any Unicode form), and no other
 * active unit at that level has that name: "Phòng Tư pháp" exists in every district, and guessing which one a
 * procedure meant would silently rewrite it.
 */
function implementedBy(unit: Unit, state: OrganisationState): { procedures: Procedure[]; ambiguous: boolean } {
  const key = textKey(unit.name);
  const procedures = [...state.procedures.values()].filter(
    (p) => p.status === 'in_force' && p.attributes.level === unit.level && textKey(p.attributes.agency) === key,
  );
  const ambiguous = [...state.units.values()].some((u) => u.id !== unit.id && u.status === 'active' && u.level === unit.level && textKey(u.name) === key);
  return { procedures, ambiguous };
}

/** The procedure commands a reorganisation implies, given the registry before (`state`) and after it (`after`). */
export function planProcedureMoves(command: UnitCommand, state: OrganisationState, after: UnitRegistry): ProcedureMovePlan {
  const { effectiveDate } = command;
  const commands: ProcedureCommand[] = [];
  const ambiguous: string[] = [];
  const follow = (unitId: string, toCommand: (code: string) => ProcedureCommand) => {
    const { procedures, ambiguous: shared } = implementedBy(state.units.get(unitId)!, state);
    if (shared) ambiguous.push(...procedures.map((p) => p.code));
    else commands.push(...procedures.map((p) => toCommand(p.code)));
  };
  const moveTo = (successor: Unit, reason: 'unit_merged' | 'unit_split') => (code: string): ProcedureCommand => ({
    type: 'MoveProcedure',
    code,
    effectiveDate,
    agency: successor.name,
    level: successor.level,
    reason,
    unitId: successor.id,
  });

  switch (command.type) {
    case 'EstablishUnit':
      break;
    case 'RenameUnit':
      follow(command.unitId, (code) => ({ type: 'MoveProcedure', code, effectiveDate, agency: command.name, reason: 'unit_renamed', unitId: command.unitId }));
      break;
    case 'TransferUnit': {
      const level = after.get(command.unitId)!.level;
      if (level !== state.units.get(command.unitId)!.level) {
        follow(command.unitId, (code) => ({ type: 'MoveProcedure', code, effectiveDate, level, reason: 'unit_transferred', unitId: command.unitId }));
      }
      break;
    }
    case 'MergeUnits':
      command.unitIds.forEach((id) => follow(id, moveTo(after.get(command.into.unitId)!, 'unit_merged')));
      break;
    case 'SplitUnit':
      follow(
        command.unitId,
        command.proceduresTo !== undefined
          ? moveTo(after.get(command.proceduresTo)!, 'unit_split')
          : (code) => ({ type: 'OrphanProcedure', code, effectiveDate, reason: 'unit_split', unitId: command.unitId }),
      );
      break;
    case 'DissolveUnit':
      follow(command.unitId, (code) => ({ type: 'OrphanProcedure', code, effectiveDate, reason: 'unit_dissolved', unitId: command.unitId }));
      break;
    case 'AbolishLevel':
      commands.push(...planLevelAbolition(command, state, after));
      break;
    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${(unknown as { type: string }).type}`);
    }
  }
  return { commands, ambiguous: [...new Set(ambiguous)].sort() };
}

/**
 * Every procedure in force at an abolished level has to go somewhere, whether or not its agency names a unit
 * (district procedures often name "UBND cấp huyện"): with the unit that survives at another level, else where the
 * command sends them, else flagged orphaned.
 */
function planLevelAbolition(command: Extract<UnitCommand, { type: 'AbolishLevel' }>, state: OrganisationState, after: UnitRegistry): ProcedureCommand[] {
  const { level, effectiveDate, proceduresTo } = command;
  const atLevel = [...state.units.values()].filter((u) => u.status === 'active' && u.level === level);
  const unitOf = new Map<string, Unit>();
  for (const unit of atLevel) {
    const { procedures, ambiguous } = implementedBy(unit, state);
    if (!ambiguous) procedures.forEach((p) => unitOf.set(p.code, unit));
  }
  return [...state.procedures.values()]
    .filter((p) => p.status === 'in_force' && p.attributes.level === level)
    .map((p): ProcedureCommand => {
      const unit = unitOf.get(p.code);
      const survivor = unit && after.get(unit.id);
      const unitId = unit && { unitId: unit.id };
      if (survivor?.status === 'active') {
        return { type: 'MoveProcedure', code: p.code, effectiveDate, level: survivor.level, reason: 'level_abolished', ...unitId };
      }
      if (proceduresTo) {
        return { type: 'MoveProcedure', code: p.code, effectiveDate, ...proceduresTo, reason: 'level_abolished', ...unitId };
      }
      return { type: 'OrphanProcedure', code: p.code, effectiveDate, reason: 'level_abolished', ...unitId };
    });
}

/** Decides each planned procedure command with the procedure slice's own rules; one stream per procedure, in code order. */
export function decideMoves(plan: ProcedureMovePlan, procedures: ReadonlyMap<string, Procedure>, about: readonly [en: string, vi: string]): StreamEvents[] {
  return [...plan.commands]
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0))
    .map((command) => ({ streamId: procedureStreamId(command.code), events: followingRules(command, procedures.get(command.code), about) }))
    .filter((part) => part.events.length > 0);
}

function followingRules(command: ProcedureCommand, procedure: Procedure | undefined, [en, vi]: readonly [string, string]) {
  try {
    return decideProcedure(command, procedure);
  } catch (error) {
    if (!(error instanceof BusinessRuleError)) throw error;
    // Say why a procedure is involved at all: it follows the unit being reorganised.
    throw new BusinessRuleError(
      error.code,
      `procedure ${command.code} follows ${en}: ${error.message}`,
      `thủ tục ${command.code} đi theo ${vi}: ${error.messageVi}`,
      'effectiveDate',
    );
  }
}

/** The procedure events a reorganisation implies, on their own (the reorganisation decider adds the unit events). */
export function decideProcedureMoves(command: UnitCommand, state: OrganisationState): StreamEvents[] {
  const after = applyUnitParts(state.units, decideUnits(command, state.units), command);
  return decideMoves(planProcedureMoves(command, state, after), state.procedures, unitNamed(command));
}

/** The units a command is about, for messages, in English and Vietnamese. */
export function unitNamed(command: UnitCommand): readonly [en: string, vi: string] {
  switch (command.type) {
    case 'EstablishUnit':
      return [`unit ${command.unit.unitId}`, `đơn vị ${command.unit.unitId}`];
    case 'MergeUnits':
      return [`units ${command.unitIds.join(', ')}`, `các đơn vị ${command.unitIds.join(', ')}`];
    case 'AbolishLevel':
      return [`the units of the ${command.level} level`, `các đơn vị cấp ${command.level}`];
    default:
      return [`unit ${command.unitId}`, `đơn vị ${command.unitId}`];
  }
}
