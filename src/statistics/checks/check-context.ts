import { Period, RecordedReport, ReportKind } from '../report';

/** What a check may compare a report with besides its own figures: the reports of the same series recorded before. */
export interface CheckContext<K extends ReportKind = ReportKind> {
  readonly earlier: ReadonlyArray<RecordedReport<K>>;
  readonly effectiveDate: string;
  readonly period: Period;
  readonly source?: string;
}

/** Reports in the order their figures stand: by effective date, then by the end of their period, then as recorded. */
export const byDate = (a: { effectiveDate: string; position: number }, b: { effectiveDate: string; position: number }): number =>
  a.effectiveDate < b.effectiveDate ? -1 : a.effectiveDate > b.effectiveDate ? 1 : a.position - b.position;
