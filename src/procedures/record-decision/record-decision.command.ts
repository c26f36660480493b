import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, EnvelopeWriter } from '../../core/command-context';
import { RecordedEvent } from '../../core/event-envelope';
import { EVENT_STORE, EventStore, StreamAppend } from '../../core/event-store/event-store.port';
import { LedgerWriter } from '../../core/ledger-writer';
import { codesOf, DecisionItem, DecisionItemSummary, DecisionRecorded, decisionStreamId, RecordDecision } from '../decision/decision';
import { decideDecision } from '../decision/decision.decider';
import { toAttributes } from '../dto/procedure-attributes.dto';
import { expectRevision, loadProcedure, LoadedProcedure, schemaVersionOf } from '../procedure-stream';
import { DecisionItemDto, RecordDecisionRequest } from './record-decision.request.dto';

export interface DecisionResult {
  readonly streamId: string;
  readonly decision: { readonly number: string; readonly date: string; readonly issuer: string };
  readonly effectiveDate: string;
  /** Global position of the decision's own event; its items follow it in the log. */
  readonly position: number;
  readonly recordedAt: string;
  readonly items: readonly DecisionItemSummary[];
  /** True when this answers a retry: nothing new was written. */
  readonly replayed: boolean;
}

export class RecordDecisionCommand extends Command<DecisionResult> {
  constructor(
    readonly request: RecordDecisionRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Records a decision announcing procedures and every change it carries, in one atomic append. */
@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler implements ICommandHandler<RecordDecisionCommand, DecisionResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: LedgerWriter,
  ) {}

  async execute({ request, context }: RecordDecisionCommand): Promise<DecisionResult> {
    const command = toRecordDecision(request);
    const envelopes = new EnvelopeWriter(context, request, schemaVersionOf);
    const decisionEvents = await this.store.readStream(decisionStreamId(command.decision));
    const prior = envelopes.findPriorOutcome(decisionEvents);
    if (prior) return toResult(prior, true);

    const loaded = await this.loadTouchedProcedures(command.items);
    const expected = new Map(request.items.flatMap((item) => expectedRevisionsOf(item, loaded)));
    const decided = decideDecision(command, {
      alreadyRecorded: decisionEvents.length > 0,
      procedures: new Map([...loaded].map(([code, p]) => [code, p.state])),
    });

    const facts = { effectiveDate: command.effectiveDate, decision: command.decision, source: request.source };
    const [decisionPart, ...procedureParts] = decided;
    const recorded = envelopes.wrap(decisionPart.events, facts);
    const appends: StreamAppend[] = [
      { streamId: decisionPart.streamId, events: recorded, expectedRevision: 'no_stream' },
      ...procedureParts.map((part) => ({
        streamId: part.streamId,
        events: envelopes.wrap(part.events, { ...facts, causationId: recorded[0].id }),
        expectedRevision: expected.get(part.streamId)!,
      })),
    ];
    const [decisionResult] = await this.writer.append(appends, context);
    return toResult(decisionResult.events[0], decisionResult.duplicate);
  }

  private async loadTouchedProcedures(items: readonly DecisionItem[]): Promise<Map<string, LoadedProcedure>> {
    const codes = [...new Set(items.flatMap(codesOf))];
    const loaded = await Promise.all(codes.map((code) => loadProcedure(this.store, code)));
    return new Map(loaded.map((p, i) => [codes[i], p]));
  }
}

/** The expected revision of each procedure stream an item touches: the caller's, checked, or the one just read. */
function expectedRevisionsOf(item: DecisionItemDto, loaded: ReadonlyMap<string, LoadedProcedure>) {
  const existing = item.kind === 'replaced' ? item.replacesCode! : item.code;
  return [...new Set([item.code, existing])].map((code) => {
    const procedure = loaded.get(code)!;
    return [procedure.streamId, expectRevision(procedure, code === existing ? item.expectedRevision : undefined)] as const;
  });
}

function toRecordDecision(request: RecordDecisionRequest): RecordDecision {
  return {
    decision: { number: request.decision.number, date: request.decision.date, issuer: request.decision.issuer },
    ...(request.title && { title: request.title }),
    effectiveDate: request.effectiveDate ?? request.decision.date,
    items: request.items.map((item): DecisionItem => {
      switch (item.kind) {
        case 'abolished':
          return { kind: 'abolished', code: item.code };
        case 'replaced':
          return { kind: 'replaced', code: item.code, replacesCode: item.replacesCode!, attributes: toAttributes(item.procedure!) };
        default:
          return { kind: item.kind, code: item.code, attributes: toAttributes(item.procedure!) };
      }
    }),
  };
}

function toResult(event: RecordedEvent, replayed: boolean): DecisionResult {
  const { number, date, issuer, effectiveDate, items } = (event as RecordedEvent<'DecisionRecorded', DecisionRecorded['data']>).data;
  return {
    streamId: event.streamId,
    decision: { number, date, issuer },
    effectiveDate,
    position: event.position,
    recordedAt: event.recordedAt,
    items,
    replayed,
  };
}
