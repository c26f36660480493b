import { textKey } from '../../core/http/validation-rules';

export const REDUCTION_GROUPINGS = ['total', 'level', 'field', 'agency', 'decision', 'year'] as const;
export type ReductionGrouping = (typeof REDUCTION_GROUPINGS)[number];

/** One line to sum: the days before and after, and what it is grouped by. */
export interface ReductionLine {
  readonly beforeDays: number;
  readonly afterDays: number;
  readonly groups: Readonly<Record<Exclude<ReductionGrouping, 'total'>, string>>;
}

export interface ReductionGroup {
  readonly key: string;
  readonly count: number;
  readonly beforeDays: number;
  readonly afterDays: number;
  readonly daysCut: number;
  /**
   * Days cut as a share of the days before, in percent, to three decimals: 8502 of 27843.5 is 30.535 (30.53495…),
   * which the province published as 30.54 after rounding twice. Two decimals would hide that and print 30.53.
   */
  readonly percentCut: number;
}

/** Sums days before and after by a grouping; Vietnamese text keys match whatever their case or Unicode form. */
export function summarise(lines: Iterable<ReductionLine>, by: ReductionGrouping): { groups: ReductionGroup[]; total: ReductionGroup } {
  const sums = new Map<string, { key: string; count: number; beforeDays: number; afterDays: number }>();
  const total = { key: 'total', count: 0, beforeDays: 0, afterDays: 0 };
  for (const line of lines) {
    const key = by === 'total' ? 'total' : line.groups[by];
    const id = textKey(key);
    const sum = sums.get(id) ?? { key, count: 0, beforeDays: 0, afterDays: 0 };
    for (const s of [sum, total]) {
      s.count += 1;
      s.beforeDays += line.beforeDays;
      s.afterDays += line.afterDays;
    }
    sums.set(id, sum);
  }
  const groups = [...sums.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map(withCut);
  return { groups, total: withCut(total) };
}

function withCut(sum: { key: string; count: number; beforeDays: number; afterDays: number }): ReductionGroup {
  const daysCut = sum.beforeDays - sum.afterDays;
  return { ...sum, daysCut, percentCut: sum.beforeDays === 0 ? 0 : Math.round((daysCut / sum.beforeDays) * 100_000) / 1000 };
}
