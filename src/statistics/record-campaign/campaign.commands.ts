import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, EnvelopeWriter } from '../../core/command-context';
import { RecordedEvent } from '../../core/event-envelope';
import { EVENT_STORE, EventStore } from '../../core/event-store/event-store.port';
import { LedgerWriter } from '../../core/ledger-writer';
import { campaignStreamId } from '../campaign';
import { CampaignCommand, CampaignFact, decideCampaign, evolveCampaign, initialCampaignState } from '../campaign.decider';
import { CampaignResultsRequest, LaunchCampaignRequest } from '../dto/campaign.dto';
import { CampaignResult } from '../read/campaign.views';
import { plain, readForAppend, schemaVersionOf } from '../statistics-stream';

export class LaunchCampaignCommand extends Command<CampaignResult> {
  constructor(
    readonly request: LaunchCampaignRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

export class ReportCampaignResultsCommand extends Command<CampaignResult> {
  constructor(
    readonly campaignId: string,
    readonly request: CampaignResultsRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Both campaign commands: read the campaign's stream, answer a retry, decide, append at the revision read. */
abstract class CampaignHandler {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: LedgerWriter,
  ) {}

  protected async write(command: CampaignCommand, source: string, payload: unknown, context: CommandContext): Promise<CampaignResult> {
    const streamId = campaignStreamId(command.campaignId);
    const { events, expectedRevision } = await readForAppend(this.store, streamId);
    const envelopes = new EnvelopeWriter(context, payload, schemaVersionOf);
    const prior = envelopes.findPriorOutcome(events);
    if (prior) return toResult(prior, true);
    const state = (events as unknown as CampaignFact[]).reduce(evolveCampaign, initialCampaignState);
    const decided = decideCampaign(command, state);
    const decision = command.type === 'LaunchCampaign' ? command.plan : state.launched?.plan;
    const [result] = await this.writer.append(
      [{ streamId, events: envelopes.wrap(decided, { effectiveDate: command.effectiveDate, source, ...(decision && { decision }) }), expectedRevision }],
      context,
    );
    return toResult(result.events[0], result.duplicate);
  }
}

@CommandHandler(LaunchCampaignCommand)
export class LaunchCampaignHandler extends CampaignHandler implements ICommandHandler<LaunchCampaignCommand, CampaignResult> {
  execute({ request, context }: LaunchCampaignCommand): Promise<CampaignResult> {
    const { source, ...launch } = plain(request);
    return this.write({ type: 'LaunchCampaign', effectiveDate: launch.plan.date, ...launch }, source, { route: 'campaigns', ...request }, context);
  }
}

@CommandHandler(ReportCampaignResultsCommand)
export class ReportCampaignResultsHandler extends CampaignHandler implements ICommandHandler<ReportCampaignResultsCommand, CampaignResult> {
  execute({ campaignId, request, context }: ReportCampaignResultsCommand): Promise<CampaignResult> {
    const { asOf, source, label, results, note } = plain(request);
    return this.write(
      { type: 'ReportCampaignResults', effectiveDate: asOf, source, campaignId, label, results, ...(note && { note }) },
      source,
      { route: 'results', campaignId, ...request },
      context,
    );
  }
}

const toResult = (event: RecordedEvent, replayed: boolean): CampaignResult => ({
  streamId: event.streamId,
  type: event.type,
  effectiveDate: event.metadata.effectiveDate,
  position: event.position,
  data: event.data as object,
  replayed,
});
