import { Injectable } from '@nestjs/common';
import { RecordedEvent } from '../../core/event-envelope';
import { textKey } from '../../core/http/validation-rules';
import { LiveProjections } from '../../core/projection/live-projections';
import { auditTrailProjection, eventOfAuditEntry } from '../../../projections/audit-trail.projection';
import { LEVELS } from '../../procedures/procedure';
import { isReportEventType, REPORT_KINDS, ReportData, ReportKind } from '../report';

export interface ReportFilter {
  /** Effective on or after (YYYY-MM-DD). */
  readonly from?: string;
  /** Effective on or before (YYYY-MM-DD). */
  readonly to?: string;
  readonly kind?: ReportKind;
  /** The reporting unit, matched ignoring case and Unicode form. */
  readonly unit?: string;
}

const rank = <T>(list: readonly T[], value: T | undefined): number => (value === undefined ? list.length : list.indexOf(value));
const compare = (a: string | number, b: string | number): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * A stable order for reports, whatever order they were recorded in: by the date they stand, kind, unit, level,
 * period and source; the log position only separates what is otherwise identical.
 */
export function reportOrder(a: RecordedEvent, b: RecordedEvent): number {
  const [x, y] = [a.data as ReportData, b.data as ReportData];
  return (
    compare(a.metadata.effectiveDate, b.metadata.effectiveDate) ||
    compare(rank(REPORT_KINDS, x.kind), rank(REPORT_KINDS, y.kind)) ||
    compare(textKey(x.unit), textKey(y.unit)) ||
    compare(rank(LEVELS, x.level), rank(LEVELS, y.level)) ||
    compare(x.period.to, y.period.to) ||
    compare(x.period.label, y.period.label) ||
    compare(a.metadata.source ?? '', b.metadata.source ?? '') ||
    a.position - b.position
  );
}

/**
 * Reports and campaigns as recorded, read from the audit trail: every statistics and campaign event, indexed by the
 * date it stands, so that a period's reports are a range read rather than a replay of the log.
 */
@Injectable()
export class StatisticsTimeline {
  constructor(private readonly projections: LiveProjections) {}

  async reports(filter: ReportFilter = {}): Promise<RecordedEvent[]> {
    const unit = filter.unit && textKey(filter.unit);
    return (await this.events('statistics', filter))
      .filter((event) => isReportEventType(event.type))
      .filter((event) => {
        const data = event.data as ReportData;
        return (!filter.kind || data.kind === filter.kind) && (!unit || textKey(data.unit) === unit);
      })
      .sort(reportOrder);
  }

  /** Every campaign stream's events effective by `asOf`, grouped by stream, in log order; streams by campaign id. */
  async campaigns(asOf?: string): Promise<RecordedEvent[][]> {
    const byStream = new Map<string, RecordedEvent[]>();
    for (const event of await this.events('campaign', { to: asOf })) byStream.set(event.streamId, [...(byStream.get(event.streamId) ?? []), event]);
    return [...byStream.keys()].sort().map((id) => byStream.get(id)!);
  }

  private async events(entityType: string, { from, to }: { from?: string; to?: string }): Promise<RecordedEvent[]> {
    await this.projections.caughtUp();
    return this.projections
      .readModel(auditTrailProjection)
      .query({ where: { entity_type: entityType }, ranges: { effective_date: { from, to } } })
      .map((row) => eventOfAuditEntry(row.document));
  }
}
