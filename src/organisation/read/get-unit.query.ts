import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { NotFoundError } from '../../core/errors/ledger-errors';
import { toHistoryEntry } from '../../procedures/read/procedure.views';
import { OrganisationReadModel } from '../organisation-read-model';
import { unitNotFound } from '../unit.rules';
import { foldUnitAsOf, UnitFact } from '../unit.state';
import { toUnitView, UnitHistoryView, UnitView } from './unit.views';

/** A unit as of a date (or as everything recorded says). */
export class GetUnitQuery extends Query<UnitView> {
  constructor(
    readonly unitId: string,
    readonly asOf?: string,
  ) {
    super();
  }
}

/** Every event of a unit, in order, with who recorded it, when, and under which decision. */
export class GetUnitHistoryQuery extends Query<UnitHistoryView> {
  constructor(readonly unitId: string) {
    super();
  }
}

@QueryHandler(GetUnitQuery)
export class GetUnitHandler implements IQueryHandler<GetUnitQuery, UnitView> {
  constructor(private readonly readModel: OrganisationReadModel) {}

  async execute({ unitId, asOf }: GetUnitQuery): Promise<UnitView> {
    const events = (await this.readModel.snapshot()).unitEvents(unitId);
    if (events.length === 0) throw unitNotFound(unitId, 'id');
    const unit = foldUnitAsOf(events as unknown as UnitFact[], asOf);
    if (!unit) {
      const since = events[0].metadata.effectiveDate;
      throw new NotFoundError('UNIT.NOT_YET_ESTABLISHED', `unit ${unitId} was established on ${since}, after ${asOf}`, `đơn vị ${unitId} được thành lập ngày ${since}, sau ngày ${asOf}`, [
        { field: 'asOf', rule: 'UNIT.NOT_YET_ESTABLISHED', message: `established on ${since}` },
      ]);
    }
    return toUnitView(unit, events.at(-1)!.revision, asOf);
  }
}

@QueryHandler(GetUnitHistoryQuery)
export class GetUnitHistoryHandler implements IQueryHandler<GetUnitHistoryQuery, UnitHistoryView> {
  constructor(private readonly readModel: OrganisationReadModel) {}

  async execute({ unitId }: GetUnitHistoryQuery): Promise<UnitHistoryView> {
    const events = (await this.readModel.snapshot()).unitEvents(unitId);
    if (events.length === 0) throw unitNotFound(unitId, 'id');
    return { unitId, events: events.map(toHistoryEntry) };
  }
}
