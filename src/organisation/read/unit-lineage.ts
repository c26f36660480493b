import { DecisionRef } from '../../core/event-envelope';
import { Unit, UnitRegistry } from '../unit.state';

/** One merger (several → one) or split (one → several), with when and under which decision. */
export interface LineageLink {
  readonly kind: 'merger' | 'split';
  readonly effectiveDate: string;
  readonly decision?: DecisionRef;
  readonly from: readonly string[];
  readonly to: readonly string[];
}

export interface LineageMember {
  readonly id: string;
  readonly name: string;
  readonly status: Unit['status'];
  /** 1 for a direct predecessor or successor, 2 for theirs, and so on. */
  readonly depth: number;
}

export interface Lineage {
  readonly predecessors: readonly LineageMember[];
  readonly successors: readonly LineageMember[];
  readonly links: readonly LineageLink[];
}

/** Every merger and split in the registry: a merger as its surviving unit records it, a split as the unit split does. */
export function lineageLinks(registry: UnitRegistry): LineageLink[] {
  const links: LineageLink[] = [];
  const link = (kind: LineageLink['kind'], step: { effectiveDate: string; decision?: DecisionRef }, from: readonly string[], to: readonly string[]) =>
    links.push({ kind, effectiveDate: step.effectiveDate, ...(step.decision && { decision: step.decision }), from, to });
  for (const unit of registry.values()) {
    if (unit.formedFrom?.kind === 'merger') link('merger', unit.formedFrom, unit.formedFrom.units, [unit.id]);
    unit.absorbed.forEach((step) => link('merger', step, step.units, [unit.id]));
    if (unit.ended?.reason === 'split') link('split', unit.ended, [unit.id], unit.ended.into);
  }
  return links.sort((a, b) => (a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : 0));
}

/** Predecessors and successors of a unit through every merger and split, however many steps back or forward. */
export function lineageOf(unitId: string, registry: UnitRegistry): Lineage {
  const links = lineageLinks(registry);
  const used = new Set<LineageLink>();
  const walk = (towards: 'from' | 'to'): LineageMember[] => {
    const back = towards === 'from' ? 'to' : 'from';
    const found: LineageMember[] = [];
    const seen = new Set([unitId]);
    let frontier = [unitId];
    for (let depth = 1; frontier.length > 0; depth++) {
      const next: string[] = [];
      for (const l of links.filter((candidate) => candidate[back].some((id) => frontier.includes(id)))) {
        used.add(l);
        for (const id of l[towards].filter((id) => !seen.has(id))) {
          seen.add(id);
          next.push(id);
          const unit = registry.get(id);
          found.push({ id, name: unit?.name ?? id, status: unit?.status ?? 'active', depth });
        }
      }
      frontier = next;
    }
    return found;
  };
  const predecessors = walk('from');
  const successors = walk('to');
  return { predecessors, successors, links: links.filter((l) => used.has(l)) };
}
