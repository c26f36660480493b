import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, EnvelopeWriter } from '../../core/command-context';
import { EVENT_STORE, EventStore } from '../../core/event-store/event-store.port';
import { LedgerWriter } from '../../core/ledger-writer';
import { toAttributes } from '../dto/procedure-attributes.dto';
import { expectRevision, loadProcedure, schemaVersionOf } from '../procedure-stream';
import { decideOpening } from './opening.decider';
import { OpenCatalogueRequest } from './open-catalogue.request.dto';

export interface OpeningResult {
  readonly asOf: string;
  readonly source: string;
  readonly recorded: number;
  readonly firstPosition: number;
  readonly replayed: boolean;
}

export class OpenCatalogueCommand extends Command<OpeningResult> {
  constructor(
    readonly request: OpenCatalogueRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Records the catalogue as it stood on a date: opening entries, all or none, each citing its source. */
@CommandHandler(OpenCatalogueCommand)
export class OpenCatalogueHandler implements ICommandHandler<OpenCatalogueCommand, OpeningResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: LedgerWriter,
  ) {}

  async execute({ request, context }: OpenCatalogueCommand): Promise<OpeningResult> {
    const { asOf, source } = request;
    const loaded = await Promise.all(request.procedures.map((entry) => loadProcedure(this.store, entry.code)));
    const envelopes = new EnvelopeWriter(context, request, schemaVersionOf);
    // The entries were appended together, so the first one's stream tells whether this is a retry.
    const prior = envelopes.findPriorOutcome(loaded[0].events);
    if (prior) return { asOf, source, recorded: request.procedures.length, firstPosition: prior.position, replayed: true };

    const decided = decideOpening(
      { asOf, entries: request.procedures.map((entry) => ({ code: entry.code, attributes: toAttributes(entry.procedure) })) },
      new Map(loaded.map((p, i) => [request.procedures[i].code, p.state])),
    );
    const results = await this.writer.append(
      decided.map((part, i) => ({
        streamId: part.streamId,
        events: envelopes.wrap(part.events, { effectiveDate: asOf, source }),
        expectedRevision: expectRevision(loaded[i], undefined),
      })),
      context,
    );
    return { asOf, source, recorded: results.length, firstPosition: results[0].events[0].position, replayed: results[0].duplicate };
  }
}
