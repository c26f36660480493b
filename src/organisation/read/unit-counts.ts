import { UNIT_CATEGORIES, UNIT_LEVELS, UnitCategory, UnitLevel } from '../unit';
import { Unit, UnitRegistry } from '../unit.state';
import { UnitCountScope } from '../reorganisation';

export interface UnitCounts {
  readonly total: number;
  readonly byLevel: Record<UnitLevel, number>;
  readonly byCategory: Record<UnitCategory, number>;
  /** Only the pairs that have units, in level then category order. */
  readonly byLevelAndCategory: ReadonlyArray<{ readonly level: UnitLevel; readonly category: UnitCategory; readonly count: number }>;
}

/** Whether a unit counts in a published figure: active, at the level and of the category it names (if it does). */
export const counts = (unit: Unit | undefined, scope: UnitCountScope): boolean =>
  unit?.status === 'active' && (scope.level === undefined || unit.level === scope.level) && (scope.category === undefined || unit.category === scope.category);

export const countIn = (registry: UnitRegistry, scope: UnitCountScope): number => [...registry.values()].filter((u) => counts(u, scope)).length;

/** Active units by level and by category; every level and category appears, with 0 where there are none. */
export function countUnits(registry: UnitRegistry): UnitCounts {
  const zero = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
  const byLevel = zero(UNIT_LEVELS);
  const byCategory = zero(UNIT_CATEGORIES);
  const pairs = new Map<string, number>();
  let total = 0;
  for (const unit of registry.values()) {
    if (unit.status !== 'active') continue;
    total++;
    byLevel[unit.level]++;
    byCategory[unit.category]++;
    pairs.set(`${unit.level}/${unit.category}`, (pairs.get(`${unit.level}/${unit.category}`) ?? 0) + 1);
  }
  const byLevelAndCategory = UNIT_LEVELS.flatMap((level) =>
    UNIT_CATEGORIES.filter((category) => pairs.has(`${level}/${category}`)).map((category) => ({ level, category, count: pairs.get(`${level}/${category}`)! })),
  );
  return { total, byLevel, byCategory, byLevelAndCategory };
}
