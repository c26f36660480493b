import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '../../core/event-envelope';
import { TimeFilter } from '../../core/projection/event-filter';
import { ProjectionRunner } from '../../core/projection/projection-runner';
import { auditTrailProjection } from '../../../projections/audit-trail.projection';
import { foldCorrected } from '../procedure-stream';
import { Procedure } from '../procedure.state';

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
  constructor(private readonly projections: ProjectionRunner) {}

  /** Procedure events within the filter, grouped by code, each group in log order. */
  async eventsByCode(filter: TimeFilter): Promise<Map<string, RecordedEvent[]>> {
    await this.projections.caughtUp();
    const rows = this.projections.readModel(auditTrailProjection).query({
      where: { entity_type: 'procedure' },
      ranges: { effective_date: { to: filter.asOf }, recorded_at: { to: filter.knownAt } },
      // In log order: the ids are the positions zero-padded, and the filter's index (column, id) gives them in order.
    });
    const byCode = new Map<string, RecordedEvent[]>();
    for (const { document } of rows) {
      const code = document.streamId.slice('procedure-'.length);
      const events = byCode.get(code);
      if (events) events.push(document);
      else byCode.set(code, [document]);
    }
    return byCode;
  }

  async catalogAt(filter: TimeFilter): Promise<Map<string, ProcedureAt>> {
    const catalog = new Map<string, ProcedureAt>();
    for (const [code, events] of await this.eventsByCode(filter)) {
      const procedure = foldCorrected(events);
      if (procedure) catalog.set(code, { procedure, revision: events.at(-1)!.revision });
    }
    return catalog;
  }
}
