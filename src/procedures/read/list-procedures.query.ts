import { ApiPropertyOptional } from '@nestjs/swagger';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { NormalizedText, textKey } from '../../core/http/validation-rules';
import { ProjectionRunner } from '../../core/projection/projection-runner';
import { procedureCatalogProjection } from '../../../projections/procedure-catalog.projection';
import { Level, LEVELS, PROCEDURE_STATUSES, ProcedureStatus } from '../procedure';
import { ProcedureListView, toProcedureView } from './procedure.views';

export class ListProceduresRequest {
  @ApiPropertyOptional({ enum: LEVELS }) @IsOptional() @IsIn(LEVELS) level?: Level;
  @ApiPropertyOptional({ enum: PROCEDURE_STATUSES }) @IsOptional() @IsIn(PROCEDURE_STATUSES) status?: ProcedureStatus;
  @ApiPropertyOptional({ description: 'Field, matched ignoring case and Unicode form' })
  @IsOptional() @NormalizedText() @IsString() @MaxLength(300) field?: string;
  @ApiPropertyOptional({ description: 'Implementing agency, matched ignoring case and Unicode form' })
  @IsOptional() @NormalizedText() @IsString() @MaxLength(300) agency?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only procedures whose implementing unit is gone (true), or only the others' })
  @IsOptional() @IsIn(['true', 'false']) orphaned?: 'true' | 'false';
  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class ListProceduresQuery extends Query<ProcedureListView> {
  constructor(readonly filter: ListProceduresRequest) {
    super();
  }
}

/** Pages through the catalogue read model in code order; waits until it has caught up with the log. */
@QueryHandler(ListProceduresQuery)
export class ListProceduresHandler implements IQueryHandler<ListProceduresQuery, ProcedureListView> {
  constructor(private readonly projections: ProjectionRunner) {}

  async execute({ filter }: ListProceduresQuery): Promise<ProcedureListView> {
    await this.projections.caughtUp();
    const limit = filter.limit ?? 100;
    const rows = this.projections.readModel(procedureCatalogProjection).query({
      where: {
        level: filter.level,
        status: filter.status,
        orphaned: filter.orphaned === undefined ? undefined : filter.orphaned === 'true' ? 1 : 0,
        field: filter.field && textKey(filter.field),
        agency: filter.agency && textKey(filter.agency),
      },
      ...(filter.cursor && { after: { value: filter.cursor, id: filter.cursor } }),
      limit: limit + 1,
    });
    const items = rows.slice(0, limit).map(({ document }) => toProcedureView(document, document.revision));
    return { items, ...(rows.length > limit && { nextCursor: items.at(-1)!.code }) };
  }
}
