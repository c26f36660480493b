import { DecisionRef } from '../core/event-envelope';
import { Level } from '../procedures/procedure';
import { ReductionGroup } from '../procedures/reductions/reduction-summary';
import { UnitCategory, UnitLevel } from '../organisation/unit';
import { CampaignView } from '../statistics/read/campaign.views';
import { FindingLineView, ReportView } from '../statistics/read/report.views';

/**
 * The annual report as data: what the ledger holds for a year, replayed as of its last day. Every figure is either
 * as a source stated it (with the source) or computed by the ledger from recorded events (and named so); the
 * renderers only present it.
 */
export interface AnnualReport {
  readonly year: number;
  /** Set when the reported statistics are narrowed to one reporting unit. */
  readonly unit?: string;
  /** The report is as of the last day of the year, as the ledger knows it now. */
  readonly asOf: string;
  readonly basis: ReportBasis;
  readonly procedures: ProcedureSection;
  readonly processingTimes: ProcessingTimeSection;
  readonly organisation: OrganisationSection;
  readonly dossiers: readonly DossierLine[];
  readonly onlineServices: readonly ReportView[];
  readonly indices: readonly IndexLine[];
  readonly campaigns: readonly CampaignView[];
  readonly payments: readonly ReportView[];
  readonly savings: readonly ReportView[];
  readonly findings: readonly FindingLineView[];
  /** Every source cited by a figure of the report, in order. */
  readonly sources: readonly string[];
}

/** Which events the report is built from: those in effect by `asOf`; the digest changes with any of them. */
export interface ReportBasis {
  readonly eventsConsidered: number;
  /** SHA-256 of the ids of those events, in log order. */
  readonly digest: string;
  /** Those recorded by the synthetic generator: invented data, which the report says it contains. */
  readonly syntheticEvents: number;
}

export const CHANGE_KINDS = ['opened', 'new', 'amended', 'replaced', 'abolished', 'cut', 'moved', 'orphaned', 'corrected'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

export interface DecisionChanges {
  readonly decision: DecisionRef;
  readonly title?: string;
  readonly effectiveDate: string;
  readonly new: number;
  readonly amended: number;
  readonly replaced: number;
  readonly abolished: number;
  /** Processing-time cuts made under the decision in the year, and the days they cut. */
  readonly cuts: number;
  readonly daysCut: number;
}

export interface ProcedureSection {
  /** Procedures in force on the last day of the year, by level, from the recorded catalogue. */
  readonly inForce: { readonly total: number; readonly byLevel: Readonly<Record<Level, number>> };
  /** Procedure events that took effect during the year, by kind. */
  readonly changesByKind: Readonly<Record<ChangeKind, number>>;
  readonly byDecision: readonly DecisionChanges[];
  /** Counts the province published without the procedures (catalogue-counts reports of the year). */
  readonly published: readonly ReportView[];
}

export interface ProcessingTimeSection {
  /** Statutory against announced days of the procedures in force at the end of the year, by level. */
  readonly inForceByLevel: readonly ReductionGroup[];
  readonly inForceTotal: ReductionGroup;
  /** Cuts that took effect during the year, in total. */
  readonly cutsInYear: ReductionGroup;
  /** Totals published without the procedures, each with the share the ledger computes from its days. */
  readonly published: readonly PublishedProcessingTimes[];
}

export interface PublishedProcessingTimes {
  readonly report: ReportView;
  /** The ledger's own figure from the published days (summarised to three decimals), where the days are given. */
  readonly computed?: ReductionGroup;
}

export interface UnitCountsAt {
  readonly asOf: string;
  readonly total: number;
  readonly byLevel: Readonly<Record<UnitLevel, number>>;
}

export interface ReorganisationLine {
  readonly kind: string;
  readonly decision: DecisionRef;
  readonly effectiveDate: string;
  readonly units: number;
  readonly procedures: number;
}

export interface PublishedUnitCounts {
  readonly decision: DecisionRef;
  readonly effectiveDate: string;
  readonly level?: UnitLevel;
  readonly category?: UnitCategory;
  readonly source?: string;
  readonly before: number;
  readonly after: number;
  /** The registry's counts on the same dates, and whether they give the published ones. */
  readonly registryBefore: number;
  readonly registryAfter: number;
  readonly reconciled: boolean;
}

export interface OrganisationSection {
  readonly start: UnitCountsAt;
  readonly end: UnitCountsAt;
  readonly reorganisations: readonly ReorganisationLine[];
  readonly published: readonly PublishedUnitCounts[];
}

/** A dossier report with the rates the ledger computes from its counts, beside the ones stated. */
export interface DossierLine {
  readonly report: ReportView;
  readonly received?: number;
  readonly onTime?: number;
  readonly late?: number;
  /** On time as a share of resolved, computed from the counts, two decimals. */
  readonly onTimeRate?: number;
}

export interface IndexLine {
  readonly report: ReportView;
  /** Score minus the previous score of the series, where both are recorded. */
  readonly change?: number;
}
