import { DecisionRef } from '../../core/event-envelope';
import { ReorganisationSummary } from '../reorganisation';
import { sameDecision } from '../unit';
import { evolveUnit, registryAsOf, UnitFact, UnitState } from '../unit.state';
import { countIn, counts } from './unit-counts';

/** A published count as recorded, with the decision and dates from its envelope. */
export interface RecordedSummary extends ReorganisationSummary {
  readonly decision: DecisionRef;
  readonly effectiveDate: string;
  readonly source?: string;
}

export interface Reconciliation {
  readonly published: { readonly before: number; readonly after: number; readonly change: number };
  readonly registry: {
    readonly beforeAsOf: string;
    readonly before: number;
    readonly afterAsOf: string;
    readonly after: number;
    readonly change: number;
    /** Net change made by the registry events recorded under the same decision. */
    readonly changeUnderDecision: number;
  };
  /** Registry minus published: before, after, and the change under the decision against the published change. */
  readonly difference: { readonly before: number; readonly after: number; readonly change: number };
  readonly reconciled: boolean;
}

const dayBefore = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

/**
 * Do the detailed registry changes produce a published count? The count before is compared with the registry the day
 * before the decision was signed (nothing under a decision takes effect earlier), the count after with the registry
 * on the summary's effective date, and the published change with the net change of the events under the decision.
 */
export function reconcile(summary: RecordedSummary, histories: ReadonlyArray<readonly UnitFact[]>): Reconciliation {
  const beforeAsOf = dayBefore(summary.decision.date);
  const afterAsOf = summary.effectiveDate;
  const before = countIn(registryAsOf(histories, beforeAsOf), summary);
  const after = countIn(registryAsOf(histories, afterAsOf), summary);
  let changeUnderDecision = 0;
  for (const events of histories) {
    let state: UnitState;
    for (const event of events) {
      const next = evolveUnit(state, event);
      if (sameDecision(event.metadata.decision, summary.decision)) changeUnderDecision += Number(counts(next, summary)) - Number(counts(state, summary));
      state = next;
    }
  }
  const published = { before: summary.countBefore, after: summary.countAfter, change: summary.countAfter - summary.countBefore };
  const difference = { before: before - published.before, after: after - published.after, change: changeUnderDecision - published.change };
  return {
    published,
    registry: { beforeAsOf, before, afterAsOf, after, change: after - before, changeUnderDecision },
    difference,
    reconciled: difference.before === 0 && difference.after === 0 && difference.change === 0,
  };
}
