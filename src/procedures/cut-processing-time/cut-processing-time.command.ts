import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, EnvelopeWriter } from '../../core/command-context';
import { RecordedEvent } from '../../core/event-envelope';
import { EVENT_STORE, EventStore } from '../../core/event-store/event-store.port';
import { LedgerWriter } from '../../core/ledger-writer';
import { decideProcedure } from '../procedure.decider';
import { ProcessingTimeCut } from '../procedure.events';
import { expectRevision, loadProcedure, procedureNotFound, schemaVersionOf } from '../procedure-stream';
import { CutProcessingTimeRequest } from './cut-processing-time.request.dto';

export interface CutResult {
  readonly code: string;
  readonly fromDays: number;
  readonly toDays: number;
  readonly effectiveDate: string;
  readonly revision: number;
  readonly position: number;
  readonly replayed: boolean;
}

export class CutProcessingTimeCommand extends Command<CutResult> {
  constructor(
    readonly code: string,
    readonly request: CutProcessingTimeRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(CutProcessingTimeCommand)
export class CutProcessingTimeHandler implements ICommandHandler<CutProcessingTimeCommand, CutResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: LedgerWriter,
  ) {}

  async execute({ code, request, context }: CutProcessingTimeCommand): Promise<CutResult> {
    const procedure = await loadProcedure(this.store, code);
    if (!procedure.state) throw procedureNotFound(code);
    const envelopes = new EnvelopeWriter(context, { code, ...request }, schemaVersionOf);
    const prior = envelopes.findPriorOutcome(procedure.events);
    if (prior) return toResult(prior, true);

    const expectedRevision = expectRevision(procedure, request.expectedRevision);
    const effectiveDate = request.effectiveDate ?? request.decision.date;
    const events = decideProcedure(
      { type: 'CutProcessingTime', code, effectiveDate, fromDays: request.fromDays, toDays: request.toDays },
      procedure.state,
    );
    const decision = { number: request.decision.number, date: request.decision.date, issuer: request.decision.issuer };
    const [result] = await this.writer.append(
      [{ streamId: procedure.streamId, events: envelopes.wrap(events, { effectiveDate, decision, source: request.source }), expectedRevision }],
      context,
    );
    return toResult(result.events[0], result.duplicate);
  }
}

function toResult(event: RecordedEvent, replayed: boolean): CutResult {
  const { code, fromDays, toDays } = (event as unknown as ProcessingTimeCut).data;
  return { code, fromDays, toDays, effectiveDate: event.metadata.effectiveDate, revision: event.revision, position: event.position, replayed };
}
