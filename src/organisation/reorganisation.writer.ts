import { Injectable } from '@nestjs/common';
import { CommandContext, EnvelopeWriter } from '../core/command-context';
import { StreamAppend } from '../core/event-store/event-store.port';
import { LedgerWriter } from '../core/ledger-writer';
import { StreamEvents } from '../procedures/batch-rules';
import { OrganisationReadModel, OrganisationWithCatalogue, schemaVersionOf } from './organisation-read-model';
import { ReorganisationSummary } from './reorganisation';
import { decideReorganisation, decideSummary, RecordSummary } from './reorganisation.decider';
import { ReorganisationResult, SummaryResult, toReorganisationResult, toSummaryResult } from './reorganisation.result';
import { ReorganisationFacts, UnitCommand } from './unit.commands';

/** What every organisation write carries besides its command. */
export interface WriteRequest {
  /** The validated request with any route parameters: its hash tells a retry from another request reusing the key. */
  readonly payload: unknown;
  readonly source?: string;
  readonly context: CommandContext;
}

/**
 * The one write path of the organisation slice: read the registry and the catalogue, answer a retry with its first
 * outcome, decide, and append the decision's record, the units and the procedures in one transaction, each stream at
 * the revision that was read. Retries are found in the decision's reorganisation stream, which every write touches.
 */
@Injectable()
export class ReorganisationWriter {
  constructor(
    private readonly readModel: OrganisationReadModel,
    private readonly writer: LedgerWriter,
  ) {}

  async reorganise(command: UnitCommand, expected: ReadonlyArray<readonly [unitId: string, revision?: number]>, request: WriteRequest): Promise<ReorganisationResult> {
    const snapshot = await this.readModel.withCatalogue();
    const envelopes = new EnvelopeWriter(request.context, request.payload, schemaVersionOf);
    const prior = envelopes.findPriorOutcome(snapshot.decisionEvents(command.decision));
    if (prior) return toReorganisationResult(prior, true);

    expected.forEach(([unitId, revision]) => snapshot.checkExpected(unitId, revision));
    const decided = decideReorganisation(command, snapshot.state());
    const [result] = await this.append(decided, command, snapshot, envelopes, request);
    return toReorganisationResult(result.events[0], result.duplicate);
  }

  async recordSummary(command: RecordSummary, request: WriteRequest): Promise<SummaryResult> {
    const snapshot = await this.readModel.withCatalogue();
    const envelopes = new EnvelopeWriter(request.context, request.payload, schemaVersionOf);
    const stream = snapshot.decisionEvents(command.decision);
    const prior = envelopes.findPriorOutcome(stream);
    if (prior) return toSummaryResult(prior, true);

    const recorded = stream.filter((e) => e.type === 'ReorganisationSummaryRecorded').map((e) => e.data as ReorganisationSummary);
    const [result] = await this.append(decideSummary(command, recorded), command, snapshot, envelopes, request);
    return toSummaryResult(result.events[0], result.duplicate);
  }

  private append(decided: readonly StreamEvents[], facts: ReorganisationFacts, snapshot: OrganisationWithCatalogue, envelopes: EnvelopeWriter, request: WriteRequest) {
    const { effectiveDate, decision } = facts;
    const [recordPart, ...parts] = decided;
    const envelopeFacts = { effectiveDate, decision: { number: decision.number, date: decision.date, issuer: decision.issuer }, source: request.source };
    const record = envelopes.wrap(recordPart.events, envelopeFacts);
    const appends: StreamAppend[] = [
      { streamId: recordPart.streamId, events: record, expectedRevision: snapshot.expectedRevision(recordPart) },
      ...parts.map((part) => ({
        streamId: part.streamId,
        events: envelopes.wrap(part.events, { ...envelopeFacts, causationId: record[0].id }),
        expectedRevision: snapshot.expectedRevision(part),
      })),
    ];
    return this.writer.append(appends, request.context);
  }
}
