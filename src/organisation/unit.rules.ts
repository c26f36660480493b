import { DecisionRef } from '../core/event-envelope';
import { BusinessRuleError, NotFoundError } from '../core/errors/ledger-errors';
import { Unit, UnitRegistry } from './unit.state';

/** The rules every unit command shares, each with its code, the request field at fault and both languages. */

const END_WORDS: Record<NonNullable<Unit['ended']>['reason'], [en: string, vi: string]> = {
  merger: ['merged into', 'đã được sáp nhập vào'],
  split: ['split into', 'đã được chia tách thành'],
  dissolution: ['dissolved', 'đã bị giải thể'],
  level_abolition: ['dissolved with its level', 'đã giải thể cùng cấp hành chính'],
};

export const unitNotFound = (unitId: string, field = 'unitId'): NotFoundError =>
  new NotFoundError('UNIT.NOT_FOUND', `unit ${unitId} is not recorded in the ledger`, `không tìm thấy đơn vị ${unitId} trong sổ`, [
    { field, rule: 'UNIT.NOT_FOUND', message: `no unit ${unitId}` },
  ]);

/** A reorganisation cannot take effect before the decision that orders it was signed. */
export function requireSignedBefore(decision: DecisionRef, effectiveDate: string): void {
  if (effectiveDate < decision.date) {
    throw new BusinessRuleError(
      'REORGANISATION.EFFECTIVE_BEFORE_SIGNED',
      `effectiveDate (${effectiveDate}) may not be before the decision was signed (${decision.date})`,
      `ngày hiệu lực (${effectiveDate}) không được trước ngày ký quyết định (${decision.date})`,
      'effectiveDate',
    );
  }
}

export function requireNew(units: UnitRegistry, unitId: string, field: string): void {
  const existing = units.get(unitId);
  if (existing) {
    throw new BusinessRuleError(
      'UNIT.ALREADY_RECORDED',
      `unit ${unitId} is already recorded (established ${existing.since}); choose another id`,
      `đơn vị ${unitId} đã có trong sổ (thành lập ngày ${existing.since}); hãy dùng mã khác`,
      field,
    );
  }
}

/**
 * The unit a reorganisation changes: it exists, has not ended, existed on the effective date, and has had no later
 * change (a unit's events are kept in the order they take effect, so that "as of" reads fold a prefix).
 */
export function requireChangeable(units: UnitRegistry, unitId: string, effectiveDate: string, field: string): Unit {
  const unit = units.get(unitId);
  if (!unit) throw unitNotFound(unitId, field);
  if (unit.ended) {
    const [en, vi] = END_WORDS[unit.ended.reason];
    const into = unit.ended.into.length > 0 ? ` ${unit.ended.into.join(', ')}` : '';
    throw new BusinessRuleError(
      'UNIT.NOT_ACTIVE',
      `unit ${unitId} was ${en}${into} on ${unit.ended.effectiveDate} and can no longer be reorganised`,
      `đơn vị ${unitId} ${vi}${into} từ ngày ${unit.ended.effectiveDate}, không thể sắp xếp thêm`,
      field,
    );
  }
  if (effectiveDate < unit.since) {
    throw new BusinessRuleError(
      'UNIT.NOT_YET_ESTABLISHED',
      `effective date ${effectiveDate} is before unit ${unitId} was established (${unit.since})`,
      `ngày hiệu lực ${effectiveDate} trước ngày thành lập đơn vị ${unitId} (${unit.since})`,
      'effectiveDate',
    );
  }
  if (effectiveDate < unit.lastEffectiveDate) {
    throw new BusinessRuleError(
      'UNIT.EFFECTIVE_DATE_OUT_OF_ORDER',
      `effective date ${effectiveDate} is before the last recorded change of unit ${unitId} (${unit.lastEffectiveDate})`,
      `ngày hiệu lực ${effectiveDate} sớm hơn lần thay đổi gần nhất của đơn vị ${unitId} (${unit.lastEffectiveDate})`,
      'effectiveDate',
    );
  }
  return unit;
}

/** A parent must be a unit that is active and already existed on the effective date. */
export function requireParent(units: UnitRegistry, parentId: string, effectiveDate: string, field: string): Unit {
  const parent = units.get(parentId);
  if (!parent) throw unitNotFound(parentId, field);
  if (parent.ended) {
    throw new BusinessRuleError(
      'UNIT.PARENT_NOT_ACTIVE',
      `unit ${parentId} ended on ${parent.ended.effectiveDate} and cannot take sub-units`,
      `đơn vị ${parentId} đã chấm dứt hoạt động từ ngày ${parent.ended.effectiveDate}, không thể làm đơn vị cấp trên`,
      field,
    );
  }
  if (effectiveDate < parent.since) {
    throw new BusinessRuleError(
      'UNIT.NOT_YET_ESTABLISHED',
      `effective date ${effectiveDate} is before the parent unit ${parentId} was established (${parent.since})`,
      `ngày hiệu lực ${effectiveDate} trước ngày thành lập đơn vị cấp trên ${parentId} (${parent.since})`,
      field,
    );
  }
  return parent;
}

/** One unit may appear once per command: merging A with A, or splitting into two parts named alike, is a typo. */
export function requireDistinct(entries: ReadonlyArray<readonly [unitId: string, field: string]>): void {
  const seen = new Map<string, string>();
  for (const [unitId, field] of entries) {
    const first = seen.get(unitId);
    if (first !== undefined) {
      throw new BusinessRuleError(
        'UNIT.LISTED_TWICE',
        `${field}: unit ${unitId} is already listed at ${first}`,
        `${field}: đơn vị ${unitId} đã được liệt kê ở ${first}`,
        field,
      );
    }
    seen.set(unitId, field);
  }
}

/** No unit may be its own ancestor: the chain of parents from any unit ends at a root. */
export function requireNoCycle(units: UnitRegistry, unitId: string, field: string): void {
  const chain = [unitId];
  for (let parentId = units.get(unitId)?.parentId; parentId !== undefined; parentId = units.get(parentId)?.parentId) {
    if (chain.includes(parentId)) {
      const loop = [...chain, parentId].join(' → ');
      throw new BusinessRuleError(
        'UNIT.PARENT_CYCLE',
        `unit ${unitId} would become its own ancestor: ${loop}`,
        `đơn vị ${unitId} sẽ trở thành cấp trên của chính nó: ${loop}`,
        field,
      );
    }
    chain.push(parentId);
  }
}

/** An active unit may not be left under a parent that ends: transfer it first (or with the reorganisation). */
export function requireLivingParent(units: UnitRegistry, unit: Unit, field: string): void {
  const parent = unit.parentId === undefined ? undefined : units.get(unit.parentId);
  if (unit.status === 'active' && parent?.ended) {
    throw new BusinessRuleError(
      'UNIT.PARENT_ENDED',
      `unit ${unit.id} stays active but its parent ${parent.id} ends; transfer ${unit.id} to another parent first`,
      `đơn vị ${unit.id} vẫn hoạt động nhưng đơn vị cấp trên ${parent.id} chấm dứt hoạt động; hãy điều chuyển ${unit.id} trước`,
      field,
    );
  }
}
