import { DecisionRef, DomainEvent } from '../core/event-envelope';

/** A campaign (chiến dịch) launched under a plan, with targets to reach by a deadline, and its reported results. */
export const COMPARISONS = ['at_least', 'at_most'] as const;
export type Comparison = (typeof COMPARISONS)[number];

export const TARGET_UNITS = ['percent', 'count'] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

export interface CampaignTarget {
  readonly key: string;
  /** The target as the plan words it. */
  readonly label: string;
  readonly value: number;
  readonly comparison: Comparison;
  readonly unit: TargetUnit;
}

export interface CampaignResultPart {
  readonly label: string;
  readonly value: number;
  readonly baseline?: number;
}

export interface CampaignResult {
  readonly key: string;
  readonly value: number;
  /** Where the figure stood when the campaign began, if the report says. */
  readonly baseline?: number;
  readonly breakdown?: readonly CampaignResultPart[];
}

export interface CampaignPeriod {
  readonly from: string;
  readonly to: string;
}

export type CampaignLaunched = DomainEvent<
  'CampaignLaunched',
  {
    readonly campaignId: string;
    readonly name: string;
    readonly unit: string;
    readonly plan: DecisionRef;
    readonly period: CampaignPeriod;
    /** When the targets are to be met, if not the period's end. */
    readonly deadline?: string;
    readonly targets: readonly CampaignTarget[];
  }
>;

export type CampaignResultsReported = DomainEvent<
  'CampaignResultsReported',
  {
    readonly campaignId: string;
    /** The period the results cover, as the report names it. */
    readonly label: string;
    readonly results: readonly CampaignResult[];
    readonly note?: string;
  }
>;

export type CampaignEvent = CampaignLaunched | CampaignResultsReported;

export const CAMPAIGN_EVENT_SCHEMA_VERSIONS: Record<CampaignEvent['type'], number> = { CampaignLaunched: 1, CampaignResultsReported: 1 };

export const campaignStreamId = (campaignId: string): string => `campaign-${campaignId}`;

/** Whether a result reaches its target; pure, so reports and queries judge alike. */
export const targetMet = (target: CampaignTarget, value: number): boolean => (target.comparison === 'at_least' ? value >= target.value : value <= target.value);
