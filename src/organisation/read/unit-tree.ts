import { UnitCategory, UnitLevel } from '../unit';
import { UnitRegistry } from '../unit.state';

export interface UnitNode {
  readonly id: string;
  readonly name: string;
  readonly level: UnitLevel;
  readonly category: UnitCategory;
  readonly since: string;
  readonly children: readonly UnitNode[];
}

/**
 * The active units as a tree, children in id order. A unit whose parent is not active is shown as a root rather
 * than hidden: the rules keep that from happening, but a read should never lose a unit.
 */
export function unitTree(registry: UnitRegistry): UnitNode[] {
  const active = [...registry.values()].filter((u) => u.status === 'active').sort((a, b) => (a.id < b.id ? -1 : 1));
  const childrenOf = new Map<string | undefined, typeof active>();
  const isRoot = (parentId?: string) => parentId === undefined || registry.get(parentId)?.status !== 'active';
  for (const unit of active) {
    const key = isRoot(unit.parentId) ? undefined : unit.parentId;
    childrenOf.set(key, [...(childrenOf.get(key) ?? []), unit]);
  }
  // Depth-first with a guard, so that even a corrupt parent chain cannot recurse forever.
  const build = (parentId: string | undefined, seen: ReadonlySet<string>): UnitNode[] =>
    (childrenOf.get(parentId) ?? [])
      .filter((u) => !seen.has(u.id))
      .map((u) => ({ id: u.id, name: u.name, level: u.level, category: u.category, since: u.since, children: build(u.id, new Set([...seen, u.id])) }));
  return build(undefined, new Set());
}
