import { BusinessRuleError } from '../core/errors/ledger-errors';
import { StreamEvents } from '../procedures/batch-rules';
import { decideLevelAbolition, decideMerger, decideSplit, part, transfer } from './restructuring.decider';
import { ReorganisationFacts, UnitCommand } from './unit.commands';
import { UnitEvent } from './unit.events';
import { requireChangeable, requireLivingParent, requireNew, requireNoCycle, requireParent, requireSignedBefore } from './unit.rules';
import { evolveRegistry, UnitFact, UnitRegistry } from './unit.state';

/**
 * The unit rules: (command, registry) → the events of every unit stream the command touches, or a rule error.
 * A command is decided whole against the registry it finds, and the tree it leaves must still be a tree.
 */
export function decideUnits(command: UnitCommand, units: UnitRegistry): StreamEvents[] {
  requireSignedBefore(command.decision, command.effectiveDate);
  const parts = decideParts(command, units);
  const after = applyUnitParts(units, parts, command);
  for (const { events } of parts) {
    const unitId = (events[0] as UnitEvent).data.unitId;
    if (after.get(unitId)?.status === 'active') requireNoCycle(after, unitId, fieldNaming(command, unitId));
  }
  for (const unit of after.values()) requireLivingParent(after, unit, fieldNaming(command, unit.id));
  return parts;
}

/** The registry once the decided unit events are in effect. */
export function applyUnitParts(units: UnitRegistry, parts: readonly StreamEvents[], { effectiveDate, decision }: ReorganisationFacts): UnitRegistry {
  return parts
    .flatMap((part) => part.events)
    .reduce((registry, event) => evolveRegistry(registry, { ...(event as UnitEvent), metadata: { effectiveDate, decision } } as UnitFact), units);
}

function decideParts(command: UnitCommand, units: UnitRegistry): StreamEvents[] {
  const { effectiveDate } = command;
  switch (command.type) {
    case 'EstablishUnit': {
      const { unitId, ...attributes } = command.unit;
      requireNew(units, unitId, 'unitId');
      if (attributes.parentId !== undefined) requireParent(units, attributes.parentId, effectiveDate, 'parentId');
      return [part(unitId, { type: 'UnitEstablished', data: { unitId, ...attributes } })];
    }

    case 'RenameUnit': {
      const unit = requireChangeable(units, command.unitId, effectiveDate, 'unitId');
      if (command.name === unit.name) {
        throw new BusinessRuleError(
          'RENAME.SAME_NAME',
          `unit ${unit.id} is already named "${unit.name}"`,
          `đơn vị ${unit.id} đã có tên "${unit.name}"`,
          'name',
        );
      }
      return [part(unit.id, { type: 'UnitRenamed', data: { unitId: unit.id, name: command.name, previousName: unit.name } })];
    }

    case 'TransferUnit': {
      const unit = requireChangeable(units, command.unitId, effectiveDate, 'unitId');
      if (command.parentId !== undefined) requireParent(units, command.parentId, effectiveDate, 'parentId');
      const transferred = transfer(unit, command.level, command.parentId);
      if (!transferred) {
        throw new BusinessRuleError(
          'TRANSFER.NO_CHANGE',
          `unit ${unit.id} is already at level ${unit.level} under ${unit.parentId ?? 'no parent'}; give a new parentId or level`,
          `đơn vị ${unit.id} đã ở cấp ${unit.level} thuộc ${unit.parentId ?? 'không có đơn vị cấp trên'}; hãy nêu đơn vị cấp trên hoặc cấp mới`,
          'parentId',
        );
      }
      return [part(unit.id, transferred)];
    }

    case 'MergeUnits':
      return decideMerger(command, units);

    case 'SplitUnit':
      return decideSplit(command, units);

    case 'DissolveUnit': {
      const unit = requireChangeable(units, command.unitId, effectiveDate, 'unitId');
      return [part(unit.id, { type: 'UnitDissolved', data: { unitId: unit.id, reason: 'dissolved' } })];
    }

    case 'AbolishLevel':
      return decideLevelAbolition(command, units);

    default: {
      const unknown: never = command;
      throw new Error(`unknown command ${(unknown as { type: string }).type}`);
    }
  }
}

/** The request field that placed a unit where the tree rules refuse it. */
function fieldNaming(command: UnitCommand, unitId: string): string {
  switch (command.type) {
    case 'EstablishUnit':
    case 'TransferUnit':
      return 'parentId';
    case 'MergeUnits':
      if (unitId !== command.into.unitId) return 'units';
      return command.into.establish ? 'into.parentId' : 'into.unitId';
    case 'SplitUnit': {
      const index = command.parts.findIndex((p) => p.unitId === unitId);
      return index >= 0 ? `parts[${index}].parentId` : 'unitId';
    }
    case 'AbolishLevel': {
      const index = command.transfers.findIndex((t) => t.unitId === unitId);
      return index >= 0 ? `transfers[${index}].parentId` : 'transfers';
    }
    default:
      return 'unitId';
  }
}
