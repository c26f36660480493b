import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { OrganisationReadModel } from '../organisation-read-model';
import { unitNotFound } from '../unit.rules';
import { lineageOf } from './unit-lineage';
import { UnitLineageView } from './unit.views';

/** A unit's predecessors and successors through every merger and split, as of a date. */
export class UnitLineageQuery extends Query<UnitLineageView> {
  constructor(
    readonly unitId: string,
    readonly asOf?: string,
  ) {
    super();
  }
}

@QueryHandler(UnitLineageQuery)
export class UnitLineageHandler implements IQueryHandler<UnitLineageQuery, UnitLineageView> {
  constructor(private readonly readModel: OrganisationReadModel) {}

  async execute({ unitId, asOf }: UnitLineageQuery): Promise<UnitLineageView> {
    const registry = (await this.readModel.snapshot()).registry(asOf);
    if (!registry.has(unitId)) throw unitNotFound(unitId, asOf === undefined ? 'id' : 'asOf');
    const { predecessors, successors, links } = lineageOf(unitId, registry);
    return {
      unitId,
      ...(asOf !== undefined && { asOf }),
      predecessors: [...predecessors],
      successors: [...successors],
      links: links.map((l) => ({ ...l, from: [...l.from], to: [...l.to] })),
    };
  }
}
