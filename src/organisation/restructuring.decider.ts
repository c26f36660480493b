import { BusinessRuleError } from '../core/errors/ledger-errors';
import { StreamEvents } from '../procedures/batch-rules';
import { UnitLevel, unitStreamId } from './unit';
import { UnitCommand } from './unit.commands';
import { UnitEvent, UnitTransferred } from './unit.events';
import { requireChangeable, requireDistinct, requireNew, requireParent } from './unit.rules';
import { Unit, UnitRegistry } from './unit.state';

/** The reorganisations that touch several units at once: mergers, splits and the abolition of a level. */

export function decideMerger(command: Extract<UnitCommand, { type: 'MergeUnits' }>, units: UnitRegistry): StreamEvents[] {
  const { unitIds, into, effectiveDate } = command;
  const unitField = (i: number) => `units[${i}].unitId`;
  requireDistinct(unitIds.map((id, i) => [id, unitField(i)] as const));
  const itself = unitIds.indexOf(into.unitId);
  if (itself >= 0) {
    throw new BusinessRuleError(
      'MERGER.INTO_ITSELF',
      `unit ${into.unitId} cannot be merged into itself`,
      `không thể sáp nhập đơn vị ${into.unitId} vào chính nó`,
      unitField(itself),
    );
  }
  unitIds.forEach((id, i) => requireChangeable(units, id, effectiveDate, unitField(i)));
  if (unitIds.length + (into.establish ? 0 : 1) < 2) {
    throw new BusinessRuleError(
      'MERGER.TOO_FEW_UNITS',
      'a merger into a new unit needs at least two units; to give one unit a new name, rename it',
      'hợp nhất thành đơn vị mới cần ít nhất hai đơn vị; để đổi tên một đơn vị, hãy dùng đổi tên',
      'units',
    );
  }

  let target: StreamEvents;
  if (into.establish) {
    requireNew(units, into.unitId, 'into.unitId');
    if (into.establish.parentId !== undefined) requireParent(units, into.establish.parentId, effectiveDate, 'into.parentId');
    target = part(into.unitId, {
      type: 'UnitEstablished',
      data: { unitId: into.unitId, ...into.establish, formedBy: 'merger', formedFrom: unitIds },
    });
  } else {
    requireChangeable(units, into.unitId, effectiveDate, 'into.unitId');
    target = part(into.unitId, { type: 'UnitsAbsorbed', data: { unitId: into.unitId, absorbed: unitIds } });
  }

  // Sub-units go with their unit into the merged one: explicitly, one transfer each, never by silent rewrite.
  const children = [...units.values()]
    .filter((u) => u.status === 'active' && u.parentId !== undefined && unitIds.includes(u.parentId) && !unitIds.includes(u.id) && u.id !== into.unitId)
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((child) => part(child.id, transfer(requireChangeable(units, child.id, effectiveDate, 'effectiveDate'), undefined, into.unitId)!));

  return [...unitIds.map((id) => part(id, { type: 'UnitMerged', data: { unitId: id, into: into.unitId } })), target, ...children];
}

export function decideSplit(command: Extract<UnitCommand, { type: 'SplitUnit' }>, units: UnitRegistry): StreamEvents[] {
  const { parts, effectiveDate, proceduresTo } = command;
  const unit = requireChangeable(units, command.unitId, effectiveDate, 'unitId');
  if (parts.length < 2) {
    throw new BusinessRuleError('SPLIT.TOO_FEW_PARTS', 'a split needs at least two parts', 'chia tách cần ít nhất hai đơn vị mới', 'parts');
  }
  requireDistinct(parts.map((p, i) => [p.unitId, `parts[${i}].unitId`] as const));
  parts.forEach((p, i) => {
    requireNew(units, p.unitId, `parts[${i}].unitId`);
    if (p.parentId !== undefined) requireParent(units, p.parentId, effectiveDate, `parts[${i}].parentId`);
  });
  if (proceduresTo !== undefined && !parts.some((p) => p.unitId === proceduresTo)) {
    throw new BusinessRuleError(
      'SPLIT.PROCEDURES_TO_NOT_A_PART',
      `proceduresTo (${proceduresTo}) must be one of the parts of the split`,
      `đơn vị tiếp nhận thủ tục (${proceduresTo}) phải là một trong các đơn vị được chia tách`,
      'proceduresTo',
    );
  }
  return [
    part(unit.id, { type: 'UnitSplit', data: { unitId: unit.id, into: parts.map((p) => p.unitId) } }),
    ...parts.map((p) => {
      const parentId = p.parentId ?? unit.parentId;
      return part(p.unitId, {
        type: 'UnitEstablished',
        data: {
          unitId: p.unitId,
          name: p.name,
          level: p.level ?? unit.level,
          category: p.category ?? unit.category,
          ...(parentId !== undefined && { parentId }),
          formedBy: 'split',
          formedFrom: [unit.id],
        },
      });
    }),
  ];
}

export function decideLevelAbolition(command: Extract<UnitCommand, { type: 'AbolishLevel' }>, units: UnitRegistry): StreamEvents[] {
  const { level, transfers, effectiveDate, proceduresTo } = command;
  const stays = (field: string, what: string, whatVi: string) =>
    new BusinessRuleError(
      'LEVEL_ABOLITION.STAYS_AT_LEVEL',
      `${what} would stay at the ${level} level, which is abolished; give another level`,
      `${whatVi} sẽ vẫn ở cấp ${level} đã bị bãi bỏ; hãy nêu cấp khác`,
      field,
    );
  if (proceduresTo?.level === level) throw stays('proceduresTo.level', 'the procedures', 'các thủ tục');
  requireDistinct(transfers.map((t, i) => [t.unitId, `transfers[${i}].unitId`] as const));

  const moved = transfers.map((t, i) => {
    const unit = requireChangeable(units, t.unitId, effectiveDate, `transfers[${i}].unitId`);
    if (t.parentId !== undefined) requireParent(units, t.parentId, effectiveDate, `transfers[${i}].parentId`);
    if ((t.level ?? unit.level) === level) throw stays(`transfers[${i}].level`, `unit ${unit.id}`, `đơn vị ${unit.id}`);
    const event = transfer(unit, t.level, t.parentId);
    if (!event) {
      throw new BusinessRuleError(
        'TRANSFER.NO_CHANGE',
        `transfers[${i}]: unit ${unit.id} is already at level ${unit.level} under ${unit.parentId ?? 'no parent'}`,
        `mục ${i + 1}: đơn vị ${unit.id} đã ở cấp ${unit.level} thuộc ${unit.parentId ?? 'không có đơn vị cấp trên'}`,
        `transfers[${i}]`,
      );
    }
    return part(unit.id, event);
  });

  const transferred = new Set(transfers.map((t) => t.unitId));
  const dissolved = [...units.values()]
    .filter((u) => u.status === 'active' && u.level === level && !transferred.has(u.id))
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((u) => {
      requireChangeable(units, u.id, effectiveDate, 'effectiveDate');
      return part(u.id, { type: 'UnitDissolved', data: { unitId: u.id, reason: 'level_abolished' } });
    });
  return [...moved, ...dissolved];
}

/** The transfer to a new level and/or parent, or `undefined` when it would change nothing. */
export function transfer(unit: Unit, level: UnitLevel | undefined, parentId: string | undefined): UnitTransferred | undefined {
  const nextLevel = level ?? unit.level;
  const nextParent = parentId ?? unit.parentId;
  if (nextLevel === unit.level && nextParent === unit.parentId) return undefined;
  return {
    type: 'UnitTransferred',
    data: {
      unitId: unit.id,
      level: nextLevel,
      ...(nextParent !== undefined && { parentId: nextParent }),
      previousLevel: unit.level,
      ...(unit.parentId !== undefined && { previousParentId: unit.parentId }),
    },
  };
}

export const part = (unitId: string, ...events: UnitEvent[]): StreamEvents => ({ streamId: unitStreamId(unitId), events });

