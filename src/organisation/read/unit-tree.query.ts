import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { OrganisationReadModel } from '../organisation-read-model';
import { unitTree } from './unit-tree';
import { UnitTreeView } from './unit.views';

/** The tree of active units as of a date. */
export class UnitTreeQuery extends Query<UnitTreeView> {
  constructor(readonly asOf?: string) {
    super();
  }
}

@QueryHandler(UnitTreeQuery)
export class UnitTreeHandler implements IQueryHandler<UnitTreeQuery, UnitTreeView> {
  constructor(private readonly readModel: OrganisationReadModel) {}

  async execute({ asOf }: UnitTreeQuery): Promise<UnitTreeView> {
    const registry = (await this.readModel.snapshot()).registry(asOf);
    const count = [...registry.values()].filter((u) => u.status === 'active').length;
    return { ...(asOf !== undefined && { asOf }), count, roots: unitTree(registry) as UnitTreeView['roots'] };
  }
}
