import { Injectable } from '@nestjs/common';
import { CORRECTION } from '../../core/corrections';
import { RecordedEvent } from '../../core/event-envelope';
import { TimeFilter } from '../../core/projection/event-filter';
import { LiveProjections } from '../../core/projection/live-projections';
import { AuditEntry, auditTrailProjection, eventOfAuditEntry } from '../../../projections/audit-trail.projection';
import { procedureCatalogProjection } from '../../../projections/procedure-catalog.projection';
import { procedureCodeOf } from '../procedure';
import { foldCorrected } from '../procedure-stream';
import { evolveProcedure, initialProcedureState, Procedure, ProcedureFact, ProcedureState } from '../procedure.state';
import { catalogFromSnapshot } from './catalog-from-snapshot';

export interface ProcedureAt {
  readonly procedure: Procedure;
  readonly revision: number;
}

/**
 * The whole catalogue at any point on the two time axes, folded from the audit trail (or read from a snapshot, see
 * `catalogAt`): every procedure event that had taken effect by `asOf` and was recorded by `knownAt`, corrections
 * applied.
 */
@Injectable()
export class ProcedureTimeline {
  constructor(private readonly projections: LiveProjections) {}

  /**
   * The catalogue at one point on the two time axes: from the latest snapshot `ledger rebuild procedure-catalog` wrote
   * at or before that point, when there is one (see `catalogFromSnapshot`), otherwise folded from the trail (see
   * `catalogsAt`).
   */
  async catalogAt(filter: TimeFilter): Promise<Map<string, ProcedureAt>> {
    await this.projections.caughtUp();
    return this.projections.readTogether(() => {
      const snapshot = this.projections.latestSnapshot(procedureCatalogProjection, filter);
      const trail = this.projections.readModel(auditTrailProjection);
      return snapshot ? catalogFromSnapshot(trail, snapshot, filter) : this.fold([filter.asOf], filter.knownAt)[0];
    });
  }

  /**
   * The catalogue at each of several effective dates (undefined: every date), as known at one moment, folded in one
   * reading of the trail: an entry is folded into the catalogue of every date it had taken effect by. Folded as the
   * trail is read, one event at a time, so that memory holds the catalogues, not their history; read in one read
   * transaction, so that the live runner cannot commit between the corrections and the events. `visit` sees every
   * entry read, in log order, for answers that need some of them too: none is kept.
   */
  async catalogsAt(
    asOfs: ReadonlyArray<string | undefined>,
    knownAt?: string,
    visit?: (code: string, entry: AuditEntry) => void,
  ): Promise<Array<Map<string, ProcedureAt>>> {
    await this.projections.caughtUp();
    return this.projections.readTogether(() => this.fold(asOfs, knownAt, visit));
  }

  private fold(asOfs: ReadonlyArray<string | undefined>, knownAt?: string, visit?: (code: string, entry: AuditEntry) => void): Array<Map<string, ProcedureAt>> {
    const trail = this.projections.readModel(auditTrailProjection);
    const latest = asOfs.includes(undefined) ? undefined : (asOfs as string[]).reduce((a, b) => (a > b ? a : b));
    const ranges = { effective_date: { to: latest }, recorded_at: { to: knownAt } };
    const inEffectBy = (asOf: string | undefined, entry: AuditEntry) => asOf === undefined || entry.metadata.effectiveDate <= asOf;
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
}

/**
 * `evolveProcedure` by one event, computed once for a state that several catalogues share: up to the first event that
 * one takes and another does not, they share their states, and so the memory they hold.
 */
function evolvedOnce(event: ProcedureFact): (state: ProcedureState) => ProcedureState {
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
