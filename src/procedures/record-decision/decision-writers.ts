import { Provider } from '@nestjs/common';
import { CommandContext, EnvelopeFacts, EnvelopeWriter } from '../../core/command-context';
import { AppendResult, EVENT_STORE, EventStore, ExpectedRevision } from '../../core/event-store/event-store.port';
import { LedgerWriter } from '../../core/ledger-writer';
import { StreamEvents } from '../batch-rules';
import { DecisionRecorded, PlannedAppend } from '../decision/decision';
import { schemaVersionOf } from '../procedure-stream';

/** A decision as decided: its own stream, each procedure stream it changes at the revision checked, and its facts. */
export interface DecidedDecision {
  readonly decision: StreamEvents;
  readonly procedures: ReadonlyArray<StreamEvents & { readonly expectedRevision: ExpectedRevision }>;
  readonly facts: EnvelopeFacts;
}

/** How a decided decision is stored; answers the append to the decision's own stream. */
export interface DecisionWriter {
  write(decided: DecidedDecision, envelopes: EnvelopeWriter, context: CommandContext): Promise<AppendResult>;
}

/** Where the backend has multi-stream transactions: the decision and all its items in one append, whole or not at all. */
export class AtomicDecisionWriter implements DecisionWriter {
  constructor(private readonly writer: LedgerWriter) {}

  async write({ decision, procedures, facts }: DecidedDecision, envelopes: EnvelopeWriter, context: CommandContext): Promise<AppendResult> {
    const recorded = envelopes.wrap(decision.events, facts);
    const [result] = await this.writer.append(
      [
        { streamId: decision.streamId, events: recorded, expectedRevision: 'no_stream' },
        ...procedures.map((part) => ({
          streamId: part.streamId,
          events: envelopes.wrap(part.events, { ...facts, causationId: recorded[0].id }),
          expectedRevision: part.expectedRevision,
        })),
      ],
      context,
    );
    return result;
  }
}

/**
 * Elsewhere (EventStoreDB): whole or resumable. The decision is recorded alone, carrying its items as decided, and
 * the DecisionApplication saga appends them after it; a run that stops part-way is completed on the next start.
 */
export class DeferredDecisionWriter implements DecisionWriter {
  constructor(private readonly writer: LedgerWriter) {}

  async write({ decision, procedures, facts }: DecidedDecision, envelopes: EnvelopeWriter, context: CommandContext): Promise<AppendResult> {
    const plan: PlannedAppend[] = procedures.map((part) => ({
      streamId: part.streamId,
      expectedRevision: part.expectedRevision,
      events: part.events.map((event) => ({ type: event.type, schemaVersion: schemaVersionOf(event.type), data: event.data })),
    }));
    const [recorded] = decision.events as DecisionRecorded[];
    const withPlan: DecisionRecorded = { ...recorded, data: { ...recorded.data, plan } };
    const [result] = await this.writer.append(
      [{ streamId: decision.streamId, events: envelopes.wrap([withPlan], facts), expectedRevision: 'no_stream' }],
      context,
    );
    return result;
  }
}

export const DECISION_WRITER = Symbol('DECISION_WRITER');

/** Picks the writer from what the configured store can do. */
export const decisionWriterProvider: Provider = {
  provide: DECISION_WRITER,
  inject: [EVENT_STORE, LedgerWriter],
  useFactory: (store: EventStore, writer: LedgerWriter): DecisionWriter =>
    store.supportsMultiStreamAppend ? new AtomicDecisionWriter(writer) : new DeferredDecisionWriter(writer),
};
