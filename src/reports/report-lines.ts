import { roundTo } from '../statistics/findings';
import { DossierFigures, IndexScoreFigures, ProcessingTimeFigures } from '../statistics/figures';
import { ReportView } from '../statistics/read/report.views';
import { summarise } from '../procedures/reductions/reduction-summary';
import { LEVELS } from '../procedures/procedure';
import { ChangeKind, CHANGE_KINDS, DossierLine, IndexLine, PublishedProcessingTimes } from './annual-report';

/** What the ledger computes from a report's own counts; pure, so the same report always gives the same line. */

export function dossierLine(report: ReportView): DossierLine {
  const f = report.figures as DossierFigures;
  const received = f.received ?? (f.receivedNew !== undefined && f.carriedOver !== undefined ? f.receivedNew + f.carriedOver : undefined);
  const onTime = f.resolvedOnTime ?? (f.resolved !== undefined && f.resolvedLate !== undefined ? f.resolved - f.resolvedLate : undefined);
  const late = f.resolvedLate ?? (f.resolved !== undefined && onTime !== undefined ? f.resolved - onTime : undefined);
  return {
    report,
    ...(received !== undefined && { received }),
    ...(onTime !== undefined && { onTime }),
    ...(late !== undefined && { late }),
    ...(onTime !== undefined && f.resolved ? { onTimeRate: roundTo((onTime / f.resolved) * 100, 2) } : {}),
  };
}

/** The ledger's share cut from published days, with the reductions' own summary (three decimals: 30.535, not 30.54). */
export function publishedProcessingTimes(report: ReportView): PublishedProcessingTimes {
  const { statutoryDays, announcedDays } = report.figures as ProcessingTimeFigures;
  if (statutoryDays === undefined || announcedDays === undefined) return { report };
  const groups = { level: report.level ?? 'all', field: '', agency: report.unit, decision: '', year: report.effectiveDate.slice(0, 4) };
  return { report, computed: summarise([{ beforeDays: statutoryDays, afterDays: announcedDays, groups }], 'total').total };
}

const seriesKey = (r: ReportView): string => `${r.streamId}`;

/** Each index score of the year with its change from the previous score of its series, whatever year that was in. */
export function indexLines(ofYear: readonly ReportView[], series: readonly ReportView[]): IndexLine[] {
  return ofYear.map((report) => {
    const score = (report.figures as IndexScoreFigures).score;
    const previous = series
      .filter((r) => seriesKey(r) === seriesKey(report) && r.period.to < report.period.to && (r.figures as IndexScoreFigures).score !== undefined)
      .sort((a, b) => (a.period.to < b.period.to ? -1 : a.period.to > b.period.to ? 1 : a.position - b.position))
      .at(-1);
    const before = previous && (previous.figures as IndexScoreFigures).score!;
    return { report, ...(score !== undefined && before !== undefined && { change: roundTo(score - before, 4) }) };
  });
}

const KIND_OF_EVENT: Readonly<Record<string, ChangeKind>> = {
  ProcedureOpened: 'opened',
  ProcedureAnnounced: 'new',
  ProcedureAmended: 'amended',
  ProcedureReplaced: 'replaced',
  ProcedureAbolished: 'abolished',
  ProcessingTimeCut: 'cut',
  ProcedureAgencyChanged: 'moved',
  ProcedureLevelChanged: 'moved',
  ProcedureOrphaned: 'orphaned',
  EventCorrected: 'corrected',
};

/** Procedure events by kind of change; a replacement counts once as new (the successor) and once as replaced. */
export function changesByKind(eventTypes: Iterable<string>): Record<ChangeKind, number> {
  const counts = Object.fromEntries(CHANGE_KINDS.map((kind) => [kind, 0])) as Record<ChangeKind, number>;
  for (const type of eventTypes) {
    const kind = KIND_OF_EVENT[type];
    if (kind) counts[kind]++;
  }
  return counts;
}

export const zeroByLevel = (): Record<(typeof LEVELS)[number], number> => Object.fromEntries(LEVELS.map((level) => [level, 0])) as Record<(typeof LEVELS)[number], number>;
