import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, EnvelopeWriter } from '../../core/command-context';
import { EVENT_STORE, EventStore } from '../../core/event-store/event-store.port';
import { LedgerWriter } from '../../core/ledger-writer';
import { toAttributes } from '../dto/procedure-attributes.dto';
import { expectRevision, loadedBefore, loadProcedure, schemaVersionOf } from '../procedure-stream';
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

/**
 * Records the catalogue as it stood on a date: opening entries, each citing its source; all or none, or, where the
 * store writes them stream by stream, all once the same request is sent again with its Idempotency-Key.
 */
@CommandHandler(OpenCatalogueCommand)
export class OpenCatalogueHandler implements ICommandHandler<OpenCatalogueCommand, OpeningResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: LedgerWriter,
  ) {}

  async execute({ request, context }: OpenCatalogueCommand): Promise<OpeningResult> {
    const { asOf, source } = request;
    const envelopes = new EnvelopeWriter(context, request, schemaVersionOf);
    const current = await Promise.all(request.procedures.map((entry) => loadProcedure(this.store, entry.code)));
    const priors = current.map((procedure) => envelopes.findPriorOutcome(procedure.events));
    if (priors.every(Boolean)) return { asOf, source, recorded: priors.length, firstPosition: priors[0]!.position, replayed: true };
    // Where entries are written stream by stream, an earlier attempt may have stopped part-way: decide again as it
    // did, against the procedures as they were before it, and the store reports the entries it wrote as replays.
    const loaded = current.map((procedure, i) => (priors[i] ? loadedBefore(procedure, priors[i]) : procedure));

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
    return { asOf, source, recorded: results.length, firstPosition: results[0].events[0].position, replayed: results.every((r) => r.duplicate) };
  }
}
