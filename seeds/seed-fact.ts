import { RecordSummaryRequest } from '../src/organisation/record-summary/record-summary.request.dto';
import { CampaignResultsRequest, LaunchCampaignRequest } from '../src/statistics/dto/campaign.dto';
import { ReportRequest } from '../src/statistics/record-report/record-report.requests';
import { ReportKind } from '../src/statistics/report';
import { SeedSource } from './sources';

type Body<T> = Omit<T, 'source'>;

/**
 * One fact of a published report, as the request the service would take for it, with its citation: the source file,
 * the words it comes from, and, where the ledger needs a value the source does not give, a note saying so.
 */
export type SeedFact = {
  /** Stable and unique: the idempotency key of the fact is derived from it, so loading twice writes nothing new. */
  readonly id: string;
  readonly source: SeedSource;
  /** The sentence of the source the figures are taken from. */
  readonly quote: string;
  /** What the ledger needed that the source does not say, and what stands in for it. */
  readonly caveat?: string;
} & (
  | { readonly type: 'report'; readonly kind: ReportKind; readonly body: Body<ReportRequest> }
  | { readonly type: 'campaign'; readonly body: Body<LaunchCampaignRequest> }
  | { readonly type: 'campaign-results'; readonly campaignId: string; readonly body: Body<CampaignResultsRequest> }
  | { readonly type: 'reorganisation-summary'; readonly body: Body<RecordSummaryRequest> }
);

/** The date a fact's figures stand: what orders the seeds, so that each is checked against the ones before it. */
export function effectiveDateOf(fact: SeedFact): string {
  switch (fact.type) {
    case 'report':
      return fact.body.effectiveDate ?? fact.body.period.to;
    case 'campaign':
      return fact.body.plan.date;
    case 'campaign-results':
      return fact.body.asOf;
    case 'reorganisation-summary':
      return fact.body.effectiveDate ?? fact.body.decision.date;
  }
}

/** The request body with its citation, as the service validates it. */
export const requestOf = (fact: SeedFact): object => ({ ...fact.body, source: fact.source.file });
