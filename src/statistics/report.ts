import { DomainEvent } from '../core/event-envelope';
import { textKey } from '../core/http/validation-rules';
import { Level } from '../procedures/procedure';
import { Finding } from './findings';
import {
  AmountFigures,
  CatalogueFigures,
  DossierFigures,
  IndexScoreFigures,
  OnlineServiceFigures,
  ProcessingTimeFigures,
} from './figures';

/**
 * What reform offices report each period, as the ledger records it: the figures exactly as the source states them,
 * never derived or corrected, and beside them the findings of the consistency checks made when they were recorded.
 */
export const REPORT_KINDS = [
  'dossiers',
  'online-services',
  'index-scores',
  'payments',
  'savings',
  'catalogue-counts',
  'processing-times',
] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

/** The period a report covers. `from` is absent where the source gives only an end ("to mid-2023"). */
export interface Period {
  /** As the source names it, e.g. "6 tháng đầu năm 2022". */
  readonly label: string;
  readonly from?: string;
  readonly to: string;
}

/** Who reports: a province or an agency, and the level of government the figures cover (absent: every level). */
export interface ReportScope {
  readonly unit: string;
  readonly level?: Level;
}

export interface FiguresOf {
  dossiers: DossierFigures;
  'online-services': OnlineServiceFigures;
  'index-scores': IndexScoreFigures;
  payments: AmountFigures;
  savings: AmountFigures;
  'catalogue-counts': CatalogueFigures;
  'processing-times': ProcessingTimeFigures;
}

/** The data every report event carries. */
export interface ReportData<K extends ReportKind = ReportKind> extends ReportScope {
  readonly kind: K;
  readonly period: Period;
  readonly figures: FiguresOf[K];
  /** What the checks found when the report was recorded; empty when every checkable figure adds up. */
  readonly findings: readonly Finding[];
  /** Context the source gives in words, e.g. "the source gives no signing date". */
  readonly note?: string;
}

/** One event type per kind, so that readers can subscribe to what they understand. */
export const REPORT_EVENT_TYPES = {
  dossiers: 'DossierStatisticsReported',
  'online-services': 'OnlineServicesReported',
  'index-scores': 'IndexScoreReported',
  payments: 'OnlinePaymentsReported',
  savings: 'CostSavingsReported',
  'catalogue-counts': 'CatalogueCountsPublished',
  'processing-times': 'ProcessingTimesPublished',
} as const satisfies Record<ReportKind, string>;

export type ReportEventType = (typeof REPORT_EVENT_TYPES)[ReportKind];
export type ReportRecorded<K extends ReportKind = ReportKind> = DomainEvent<ReportEventType, ReportData<K>>;

export const REPORT_EVENT_SCHEMA_VERSIONS: Record<ReportEventType, number> = Object.fromEntries(
  Object.values(REPORT_EVENT_TYPES).map((type) => [type, 1]),
) as Record<ReportEventType, number>;

export const isReportEventType = (type: string): type is ReportEventType => Object.prototype.hasOwnProperty.call(REPORT_EVENT_SCHEMA_VERSIONS, type);

/**
 * Reports of one kind, unit and level form a series in one stream (`statistics-dossiers:bình phước:province`):
 * a new report is checked against the earlier ones there, and a retry finds its first outcome there.
 */
export const reportStreamId = (kind: ReportKind, scope: ReportScope, series?: string): string =>
  `statistics-${kind}:${textKey(scope.unit)}:${scope.level ?? 'all'}${series ? `:${textKey(series)}` : ''}`;

/** A report as read back: its data with the envelope facts that place it. */
export interface RecordedReport<K extends ReportKind = ReportKind> {
  readonly eventId: string;
  readonly position: number;
  readonly effectiveDate: string;
  readonly source?: string;
  readonly data: ReportData<K>;
}

/** Enough to name another report in a finding. */
export interface ReportRef {
  readonly kind: ReportKind;
  readonly unit: string;
  readonly level?: Level;
  readonly period: string;
  readonly effectiveDate: string;
  readonly source?: string;
}

export const refOf = (report: RecordedReport): ReportRef => ({
  kind: report.data.kind,
  unit: report.data.unit,
  ...(report.data.level && { level: report.data.level }),
  period: report.data.period.label,
  effectiveDate: report.effectiveDate,
  ...(report.source && { source: report.source }),
});
