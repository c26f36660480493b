import { CommandBus } from '@nestjs/cqrs';
import { CommandContext } from '../src/core/command-context';
import { validatedBody } from '../src/core/http/validation';
import { RecordSummaryCommand } from '../src/organisation/record-summary/record-summary.command';
import { RecordSummaryRequest } from '../src/organisation/record-summary/record-summary.request.dto';
import { CampaignResultsRequest, LaunchCampaignRequest } from '../src/statistics/dto/campaign.dto';
import { LaunchCampaignCommand, ReportCampaignResultsCommand } from '../src/statistics/record-campaign/campaign.commands';
import { RecordReportCommand } from '../src/statistics/record-report/record-report.command';
import { REPORT_REQUEST_TYPES, ReportRequest } from '../src/statistics/record-report/record-report.requests';
import { requestOf, SeedFact } from './seed-fact';
import { SEED_FACTS } from './seed-plan';

export interface SeedOutcome {
  readonly facts: number;
  /** Facts written by this run. */
  readonly recorded: number;
  /** Facts already in the ledger: their first outcome was returned and nothing was written. */
  readonly replayed: number;
}

/** Seeds are recorded by this actor, so that anyone can tell them from what officers record. */
export const SEED_ACTOR = 'seed';

/** The request class each fact is validated with: the one the HTTP route uses. */
function requestTypeOf(fact: SeedFact): new () => object {
  switch (fact.type) {
    case 'report':
      return REPORT_REQUEST_TYPES[fact.kind];
    case 'campaign':
      return LaunchCampaignRequest;
    case 'campaign-results':
      return CampaignResultsRequest;
    case 'reorganisation-summary':
      return RecordSummaryRequest;
  }
}

/** Validates a fact exactly as the service validates a request: a seed that the API would refuse is refused. */
export async function validatedRequest(fact: SeedFact): Promise<object> {
  return validatedBody(requestTypeOf(fact), requestOf(fact));
}

function commandOf(fact: SeedFact, request: object, context: CommandContext) {
  switch (fact.type) {
    case 'report':
      return new RecordReportCommand(fact.kind, request as ReportRequest, context);
    case 'campaign':
      return new LaunchCampaignCommand(request as LaunchCampaignRequest, context);
    case 'campaign-results':
      return new ReportCampaignResultsCommand(fact.campaignId, request as CampaignResultsRequest, context);
    case 'reorganisation-summary':
      return new RecordSummaryCommand(request as RecordSummaryRequest, context);
  }
}

/**
 * Records the published facts through the same command handlers as the API, in the order their figures stand. Each
 * fact's idempotency key is derived from its id, so a second load answers every fact with its first outcome.
 */
export async function loadSeeds(commands: CommandBus, facts: readonly SeedFact[] = SEED_FACTS): Promise<SeedOutcome> {
  let replayed = 0;
  for (const fact of facts) {
    const context: CommandContext = { actor: SEED_ACTOR, correlationId: `seed:${fact.id}`, idempotencyKey: `seed:${fact.id}` };
    const result: { replayed: boolean } = await commands.execute(commandOf(fact, await validatedRequest(fact), context));
    if (result.replayed) replayed++;
  }
  return { facts: facts.length, recorded: facts.length - replayed, replayed };
}
