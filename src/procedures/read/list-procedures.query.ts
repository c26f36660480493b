import { ApiPropertyOptional } from '@nestjs/swagger';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { TimeFilterRequest, toTimeFilter } from '../../core/http/time-filter.request';
import { NormalizedText, textKey } from '../../core/http/validation-rules';
import { isFiltered, TimeFilter } from '../../core/projection/event-filter';
import { LiveProjections } from '../../core/projection/live-projections';
import { procedureCatalogProjection } from '../../../projections/procedure-catalog.projection';
import { Level, LEVELS, PROCEDURE_STATUSES, ProcedureStatus } from '../procedure';
import { ProcedureTimeline } from './procedure-timeline';
import { ProcedureListView, ProcedureView, toProcedureView } from './procedure.views';

export class ListProceduresRequest extends TimeFilterRequest {
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
  constructor(
    private readonly projections: LiveProjections,
    private readonly timeline: ProcedureTimeline,
  ) {}

  async execute({ filter }: ListProceduresQuery): Promise<ProcedureListView> {
    const limit = filter.limit ?? 100;
    const wanted = {
      level: filter.level,
      status: filter.status,
      orphaned: filter.orphaned === undefined ? undefined : filter.orphaned === 'true' ? 1 : 0,
      field: filter.field && textKey(filter.field),
      agency: filter.agency && textKey(filter.agency),
    };
    const time = toTimeFilter(filter);
    const entries = isFiltered(time) ? await this.pastEntries(time, wanted, filter.cursor, limit + 1) : await this.liveEntries(wanted, filter.cursor, limit + 1);
    const items = entries.slice(0, limit);
    return { items, ...(entries.length > limit && { nextCursor: items.at(-1)!.code }) };
  }

  private async liveEntries(where: Record<string, string | number | undefined>, cursor: string | undefined, limit: number): Promise<ProcedureView[]> {
    await this.projections.caughtUp();
    const rows = this.projections.readModel(procedureCatalogProjection).query({ where, ...(cursor && { after: { value: cursor, id: cursor } }), limit });
    return rows.map(({ document }) => toProcedureView(document, document.revision));
  }

  /**
   * The catalogue at another point in time is folded from the audit trail (see ProcedureTimeline.catalogAt), then
   * filtered like the live one, in code order from the cursor, until the page is full: the next page of the same
   * point reads the same catalogue again.
   */
  private async pastEntries(time: TimeFilter, where: Record<string, string | number | undefined>, cursor: string | undefined, limit: number): Promise<ProcedureView[]> {
    const indexes = procedureCatalogProjection.indexes!;
    const catalog = await this.timeline.catalogAt(time);
    const page: ProcedureView[] = [];
    for (const code of [...catalog.keys()].filter((c) => !cursor || c > cursor).sort()) {
      const { procedure, revision } = catalog.get(code)!;
      const entry = { ...procedure, revision };
      if (Object.entries(where).every(([index, value]) => value === undefined || indexes[index](entry) === value)) page.push(toProcedureView(entry, revision));
      if (page.length === limit) break;
    }
    return page;
  }
}
