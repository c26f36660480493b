import { CORRECTION } from '../../core/corrections';
import { RecordedEvent } from '../../core/event-envelope';
import { ReadModel } from '../../core/projection/live-projections';
import { AuditEntry, eventOfAuditEntry } from '../../../projections/audit-trail.projection';
import { procedureCodeOf } from '../procedure';
import { foldCorrected } from '../procedure-stream';
import { evolveProcedure, initialProcedureState, ProcedureFact, ProcedureState } from '../procedure.state';
import type { ProcedureAt, TrailVisit } from './procedure-timeline';

/** The latest of some effective dates, undefined (every date) among them being the latest of all. */
export const latestOf = (asOfs: ReadonlyArray<string | undefined>): string | undefined =>
  asOfs.includes(undefined) ? undefined : (asOfs as string[]).reduce((a, b) => (a > b ? a : b));

/** The earliest of some effective dates, undefined (every date) when there is no other. */
export const earliestOf = (asOfs: ReadonlyArray<string | undefined>): string | undefined =>
  asOfs.reduce<string | undefined>((earliest, asOf) => (earliest === undefined || (asOf !== undefined && asOf < earliest) ? asOf : earliest), undefined);

/** Whether an entry had taken effect by a date (undefined: every date). */
export const inEffectBy = (asOf: string | undefined, entry: AuditEntry): boolean => asOf === undefined || entry.metadata.effectiveDate <= asOf;

/**
 * The catalogue at each of several effective dates, as known at one moment, folded from the whole trail in one reading
 * (see TimelineMoment.catalogsAt). Call inside one read transaction.
 */
export function catalogsFromTrail(
  trail: ReadModel<AuditEntry>,
  asOfs: ReadonlyArray<string | undefined>,
  knownAt: string | undefined,
  visit?: TrailVisit,
): Array<Map<string, ProcedureAt>> {
  const ranges = { effective_date: { to: latestOf(asOfs) }, recorded_at: { to: knownAt } };
  const corrections = trail.query({ where: { entity_type: 'procedure', type: CORRECTION }, ranges }).map(({ document }) => document);
  const folds = asOfs.map((asOf) => new CatalogFold(corrections.filter((entry) => inEffectBy(asOf, entry)).map(procedureCodeOf)));
  for (const { document: entry } of trail.iterate({ where: { entity_type: 'procedure' }, ranges })) {
    const code = procedureCodeOf(entry);
    visit?.(code, entry);
    const evolve = evolvedOnce(entry as unknown as ProcedureFact);
    asOfs.forEach((asOf, i) => {
      if (inEffectBy(asOf, entry)) folds[i].fold(code, entry, evolve);
    });
  }
  return folds.map((fold) => fold.catalog());
}

/**
 * `evolveProcedure` by one event, computed once for a state that several catalogues share: up to the first event that
 * one takes and another does not, they share their states, and so the memory they hold.
 */
export function evolvedOnce(event: ProcedureFact): (state: ProcedureState) => ProcedureState {
  let last: { from: ProcedureState; to: ProcedureState } | undefined;
  return (state) => {
    if (last?.from !== state || last === undefined) last = { from: state, to: evolveProcedure(state, event) };
    return last.to;
  };
}

/**
 * One catalogue, folded entry by entry in log order. Only the procedures with a correction keep their events, to be
 * folded once every correction is known (a correction names the event it corrects by id).
 */
class CatalogFold {
  private readonly folding = new Map<string, { state: ProcedureState; revision: number }>();
  private readonly corrected: Map<string, RecordedEvent[]>;

  constructor(correctedCodes: readonly string[]) {
    this.corrected = new Map(correctedCodes.map((code) => [code, []]));
  }

  fold(code: string, entry: AuditEntry, evolve: (state: ProcedureState) => ProcedureState): void {
    const events = this.corrected.get(code);
    events?.push(eventOfAuditEntry(entry));
    const state = events ? initialProcedureState : evolve(this.folding.get(code)?.state);
    // A code keeps the place of its first event: the catalogue comes in the order procedures entered the log.
    this.folding.set(code, { state, revision: entry.revision });
  }

  catalog(): Map<string, ProcedureAt> {
    for (const [code, events] of this.corrected) if (events.length) this.folding.set(code, { state: foldCorrected(events), revision: events.at(-1)!.revision });
    const catalog = new Map<string, ProcedureAt>();
    for (const [code, { state, revision }] of this.folding) if (state) catalog.set(code, { procedure: state, revision });
    return catalog;
  }
}
