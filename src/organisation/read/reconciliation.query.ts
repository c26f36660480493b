import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { OrganisationReadModel } from '../organisation-read-model';
import { ReorganisationSummaryRecorded } from '../reorganisation';
import { reconcile, RecordedSummary } from './reconciliation';
import { ReconciliationView } from './unit.views';

/** Every published count recorded (optionally under one decision number), set against the registry. */
export class ReconciliationQuery extends Query<ReconciliationView> {
  constructor(readonly decisionNumber?: string) {
    super();
  }
}

@QueryHandler(ReconciliationQuery)
export class ReconciliationHandler implements IQueryHandler<ReconciliationQuery, ReconciliationView> {
  constructor(private readonly readModel: OrganisationReadModel) {}

  async execute({ decisionNumber }: ReconciliationQuery): Promise<ReconciliationView> {
    const snapshot = await this.readModel.snapshot();
    const histories = snapshot.unitHistories();
    const summaries: RecordedSummary[] = snapshot
      .allDecisionEvents()
      .filter((event) => event.type === 'ReorganisationSummaryRecorded')
      .filter((event) => decisionNumber === undefined || event.metadata.decision?.number === decisionNumber)
      .map((event) => ({
        ...(event as unknown as ReorganisationSummaryRecorded).data,
        decision: event.metadata.decision!,
        effectiveDate: event.metadata.effectiveDate,
        ...(event.metadata.source && { source: event.metadata.source }),
      }));
    // The published figures appear once, under `published`, beside the registry's.
    return { items: summaries.map(({ countBefore: _before, countAfter: _after, ...line }, i) => ({ ...line, ...reconcile(summaries[i], histories) })) };
  }
}
