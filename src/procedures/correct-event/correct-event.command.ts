import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, EnvelopeWriter } from '../../core/command-context';
import { EventCorrectedData } from '../../core/corrections';
import { RecordedEvent } from '../../core/event-envelope';
import { EVENT_STORE, EventStore } from '../../core/event-store/event-store.port';
import { LedgerWriter } from '../../core/ledger-writer';
import { toAttributes } from '../dto/procedure-attributes.dto';
import { expectRevision, loadProcedure, procedureNotFound, schemaVersionOf } from '../procedure-stream';
import { decideCorrection } from './correction.decider';
import { CorrectEventRequest } from './correct-event.request.dto';

export interface CorrectionResult {
  readonly code: string;
  readonly correctsEventId: string;
  readonly revision: number;
  readonly position: number;
  readonly replayed: boolean;
}

export class CorrectEventCommand extends Command<CorrectionResult> {
  constructor(
    readonly code: string,
    readonly request: CorrectEventRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Records a correction; it takes effect on the date the corrected event took effect, under the same decision. */
@CommandHandler(CorrectEventCommand)
export class CorrectEventHandler implements ICommandHandler<CorrectEventCommand, CorrectionResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: LedgerWriter,
  ) {}

  async execute({ code, request, context }: CorrectEventCommand): Promise<CorrectionResult> {
    const procedure = await loadProcedure(this.store, code);
    if (!procedure.state) throw procedureNotFound(code);
    const envelopes = new EnvelopeWriter(context, { code, ...request }, schemaVersionOf);
    const prior = envelopes.findPriorOutcome(procedure.events);
    if (prior) return toResult(code, prior, true);

    const expectedRevision = expectRevision(procedure, request.expectedRevision);
    const events = decideCorrection(
      {
        code,
        correctsEventId: request.correctsEventId,
        reason: request.reason,
        ...(request.procedure && { attributes: toAttributes(request.procedure) }),
        ...(request.cut && { cut: { fromDays: request.cut.fromDays, toDays: request.cut.toDays } }),
      },
      procedure.events,
    );
    const corrected = procedure.events.find((e) => e.id === request.correctsEventId)!;
    const facts = { effectiveDate: corrected.metadata.effectiveDate, decision: corrected.metadata.decision, causationId: corrected.id };
    const [result] = await this.writer.append([{ streamId: procedure.streamId, events: envelopes.wrap(events, facts), expectedRevision }], context);
    return toResult(code, result.events[0], result.duplicate);
  }
}

function toResult(code: string, event: RecordedEvent, replayed: boolean): CorrectionResult {
  const { correctsEventId } = event.data as EventCorrectedData;
  return { code, correctsEventId, revision: event.revision, position: event.position, replayed };
}
