import { Injectable } from '@nestjs/common';
import { CORRECTION } from '../../core/corrections';
import { RecordedEvent } from '../../core/event-envelope';
import { TimeFilter } from '../../core/projection/event-filter';
import { LiveProjections } from '../../core/projection/live-projections';
import { AuditEntry, auditTrailProjection, eventOfAuditEntry } from '../../../projections/audit-trail.projection';
import { foldCorrected } from '../procedure-stream';
import { evolveProcedure, initialProcedureState, Procedure, ProcedureFact, ProcedureState } from '../procedure.state';

const codeOf = ({ streamId }: { readonly streamId: string }): string => streamId.slice('procedure-'.length);

const DAY_MS = 24 * 60 * 60 * 1000;
const dayAfter = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);

export interface ProcedureAt {
  readonly procedure: Procedure;
  readonly revision: number;
}

/**
 * The whole catalogue at any point on the two time axes, folded from the audit trail: every procedure event that
 * had taken effect by `asOf` and was recorded by `knownAt`, corrections applied.
 */
@Injectable()
export class ProcedureTimeline {
  constructor(private readonly projections: LiveProjections) {}

  /**
   * Visits the procedure events within the filter and effective after a date, in log order, keeping none of them:
   * a period can hold most of the log.
   */
  async forEachEvent(filter: TimeFilter, effectiveAfter: string, visit: (code: string, entry: AuditEntry) => void): Promise<void> {
    await this.projections.caughtUp();
    const rows = this.projections.readModel(auditTrailProjection).iterate({
      where: { entity_type: 'procedure' },
      ranges: { effective_date: { from: dayAfter(effectiveAfter), to: filter.asOf }, recorded_at: { to: filter.knownAt } },
    });
    for (const { document } of rows) visit(codeOf(document), document);
  }

  /**
   * Folded as the trail is read, one event at a time, so that memory holds the catalogue, not its history. Only the
   * procedures with a correction in the filter keep their events, to be folded once every correction is known.
   */
  async catalogAt(filter: TimeFilter): Promise<Map<string, ProcedureAt>> {
    await this.projections.caughtUp();
    const trail = this.projections.readModel(auditTrailProjection);
    const ranges = { effective_date: { to: filter.asOf }, recorded_at: { to: filter.knownAt } };
    const corrected = new Map<string, RecordedEvent[]>(
      trail.query({ where: { entity_type: 'procedure', type: CORRECTION }, ranges }).map(({ document }) => [codeOf(document), []]),
    );
    const folding = new Map<string, { state: ProcedureState; revision: number }>();
    for (const { document: entry } of trail.iterate({ where: { entity_type: 'procedure' }, ranges })) {
      const code = codeOf(entry);
      const events = corrected.get(code);
      // Only corrected streams need whole events (a correction names the event it corrects by id).
      events?.push(eventOfAuditEntry(entry));
      const state = events ? initialProcedureState : evolveProcedure(folding.get(code)?.state, entry as unknown as ProcedureFact);
      // A code keeps the place of its first event: the catalogue comes in the order procedures entered the log.
      folding.set(code, { state, revision: entry.revision });
    }
    for (const [code, events] of corrected) if (events.length) folding.set(code, { state: foldCorrected(events), revision: events.at(-1)!.revision });
    const catalog = new Map<string, ProcedureAt>();
    for (const [code, { state, revision }] of folding) if (state) catalog.set(code, { procedure: state, revision });
    return catalog;
  }
}
