import { BusinessRuleError, ConflictError } from '../core/errors/ledger-errors';
import { checkReport } from './checks/check-report';
import { FiguresOf, Period, RecordedReport, REPORT_EVENT_TYPES, ReportData, ReportKind, ReportRecorded, ReportScope } from './report';

/** Record a period report: its figures as the source states them, under its unit, level, period, source and date. */
export interface RecordReport<K extends ReportKind = ReportKind> extends ReportScope {
  readonly kind: K;
  readonly period: Period;
  readonly effectiveDate: string;
  readonly source: string;
  readonly figures: FiguresOf[K];
  readonly note?: string;
}

/** The reports of one series recorded so far, in log order. */
export type ReportSeries = ReadonlyArray<RecordedReport>;

export const initialReportSeries: ReportSeries = [];

/** A report event with the part of its envelope the series needs. */
export type ReportFact = ReportRecorded & {
  readonly id?: string;
  readonly position?: number;
  readonly metadata: { readonly effectiveDate: string; readonly source?: string };
};

export function evolveReportSeries(series: ReportSeries, event: ReportFact): ReportSeries {
  return [
    ...series,
    {
      eventId: event.id ?? `#${series.length}`,
      position: event.position ?? series.length + 1,
      effectiveDate: event.metadata.effectiveDate,
      ...(event.metadata.source && { source: event.metadata.source }),
      data: event.data,
    },
  ];
}

/**
 * A report is never refused for figures that do not add up: they are recorded as stated, with what the checks
 * found. It is refused only when it cannot be placed: a period that ends before it starts, an effective date before
 * the period ends, no figures at all, or the same period from the same source recorded already.
 */
export function decideReport<K extends ReportKind>(command: RecordReport<K>, series: ReportSeries): ReportRecorded<K>[] {
  const { kind, period, effectiveDate, source, figures } = command;
  if (period.from !== undefined && period.from > period.to) {
    throw new BusinessRuleError(
      'REPORT.PERIOD_REVERSED',
      `period.from (${period.from}) is after period.to (${period.to})`,
      `kỳ báo cáo bắt đầu (${period.from}) sau ngày kết thúc (${period.to})`,
      'period.from',
    );
  }
  if (effectiveDate < period.to) {
    throw new BusinessRuleError(
      'REPORT.EFFECTIVE_BEFORE_PERIOD_END',
      `effectiveDate (${effectiveDate}) is before the period ends (${period.to}): figures stand once their period is over`,
      `ngày hiệu lực (${effectiveDate}) trước khi kỳ báo cáo kết thúc (${period.to})`,
      'effectiveDate',
    );
  }
  if (!hasFigures(figures)) {
    throw new BusinessRuleError('REPORT.NO_FIGURES', 'figures: a report must state at least one figure', 'báo cáo phải có ít nhất một số liệu', 'figures');
  }
  const same = series.find((r) => r.source === source && samePeriod(r.data.period, period));
  if (same) {
    throw new ConflictError(
      'REPORT.ALREADY_RECORDED',
      `a ${kind} report of ${command.unit} for "${period.label}" (${period.to}) from ${source} is already recorded`,
      `báo cáo ${kind} của ${command.unit} kỳ "${period.label}" (${period.to}) theo nguồn ${source} đã có trong sổ`,
      [{ field: 'period', rule: 'REPORT.ALREADY_RECORDED', message: 'already recorded from this source' }],
    );
  }
  const findings = checkReport(kind, figures, {
    earlier: series as ReadonlyArray<RecordedReport<K>>,
    effectiveDate,
    period,
    source,
  });
  const data: ReportData<K> = {
    kind,
    unit: command.unit,
    ...(command.level && { level: command.level }),
    period,
    figures,
    findings,
    ...(command.note && { note: command.note }),
  };
  return [{ type: REPORT_EVENT_TYPES[kind], data }];
}

const samePeriod = (a: Period, b: Period): boolean => a.label === b.label && a.from === b.from && a.to === b.to;

/** Anything stated besides the name of the index. */
const hasFigures = (figures: object): boolean => Object.entries(figures).some(([key, value]) => key !== 'index' && value !== undefined);
