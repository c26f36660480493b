import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { OrganisationReadModel } from '../organisation-read-model';
import { countUnits } from './unit-counts';
import { UnitCountsView } from './unit.views';

/** Active units by level and category on each date asked (`undefined`: everything recorded). */
export class UnitCountsQuery extends Query<UnitCountsView> {
  constructor(readonly dates: ReadonlyArray<string | undefined>) {
    super();
  }
}

@QueryHandler(UnitCountsQuery)
export class UnitCountsHandler implements IQueryHandler<UnitCountsQuery, UnitCountsView> {
  constructor(private readonly readModel: OrganisationReadModel) {}

  async execute({ dates }: UnitCountsQuery): Promise<UnitCountsView> {
    const snapshot = await this.readModel.snapshot();
    return {
      counts: dates.map((asOf) => {
        const { byLevelAndCategory, ...rest } = countUnits(snapshot.registry(asOf));
        return { ...(asOf !== undefined && { asOf }), ...rest, byLevelAndCategory: [...byLevelAndCategory] };
      }),
    };
  }
}
