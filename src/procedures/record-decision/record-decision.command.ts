import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, EnvelopeWriter } from '../../core/command-context';
import { EVENT_STORE, EventStore } from '../../core/event-store/event-store.port';
import { codesOf, DecisionItem, decisionStreamId, RecordDecision } from '../decision/decision';
import { decideDecision } from '../decision/decision.decider';
import { DecisionView, toDecisionView } from '../decision/decision.view';
import { toAttributes } from '../dto/procedure-attributes.dto';
import { expectRevision, loadProcedure, LoadedProcedure, schemaVersionOf } from '../procedure-stream';
import { DECISION_WRITER, DecisionWriter } from './decision-writers';
import { DecisionItemDto, RecordDecisionRequest } from './record-decision.request.dto';

export interface DecisionResult extends DecisionView {
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

/**
 * Records a decision announcing procedures: decides it whole against every procedure it touches, then hands it to
 * the decision writer the store calls for (one atomic append, or the decision first and its items by saga).
 */
@CommandHandler(RecordDecisionCommand)
export class RecordDecisionHandler implements ICommandHandler<RecordDecisionCommand, DecisionResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(DECISION_WRITER) private readonly decisions: DecisionWriter,
  ) {}

  async execute({ request, context }: RecordDecisionCommand): Promise<DecisionResult> {
    const command = toRecordDecision(request);
    const envelopes = new EnvelopeWriter(context, request, schemaVersionOf);
    const streamId = decisionStreamId(command.decision);
    const decisionEvents = await this.store.readStream(streamId);
    if (envelopes.findPriorOutcome(decisionEvents)) return { ...toDecisionView(decisionEvents), replayed: true };

    const loaded = await this.loadTouchedProcedures(command.items);
    const expected = new Map(request.items.flatMap((item) => expectedRevisionsOf(item, loaded)));
    const [decision, ...procedures] = decideDecision(command, {
      alreadyRecorded: decisionEvents.length > 0,
      procedures: new Map([...loaded].map(([code, p]) => [code, p.state])),
    });
    const result = await this.decisions.write(
      {
        decision,
        procedures: procedures.map((part) => ({ ...part, expectedRevision: expected.get(part.streamId)! })),
        facts: { effectiveDate: command.effectiveDate, decision: command.decision, source: request.source },
      },
      envelopes,
      context,
    );
    // A replayed append raced an identical request: its stream tells how far that one has got.
    const stream = result.duplicate ? await this.store.readStream(streamId) : result.events;
    return { ...toDecisionView(stream), replayed: result.duplicate };
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
