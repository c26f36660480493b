import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { IsIn, IsOptional } from 'class-validator';
import { TimeFilterRequest, toTimeFilter } from '../../core/http/time-filter.request';
import { IsIsoDate } from '../../core/http/validation-rules';
import { isFiltered } from '../../core/projection/event-filter';
import { LiveProjections } from '../../core/projection/live-projections';
import { DocumentRow } from '../../core/projection/read-store';
import { procedureCatalogProjection } from '../../../projections/procedure-catalog.projection';
import { ProcedureCuts, processingTimeCutsProjection } from '../../../projections/processing-time-cuts.projection';
import { ProcedureTimeline } from '../read/procedure-timeline';
import { Procedure } from '../procedure.state';
import { REDUCTION_GROUPINGS, ReductionGroup, ReductionGrouping, ReductionLine, summarise } from './reduction-summary';

export class InForceReductionsRequest extends TimeFilterRequest {
  @ApiPropertyOptional({ enum: REDUCTION_GROUPINGS, default: 'total' }) @IsOptional() @IsIn(REDUCTION_GROUPINGS) by?: ReductionGrouping;
}

export class CutReductionsRequest {
  @ApiPropertyOptional({ enum: REDUCTION_GROUPINGS, default: 'total' }) @IsOptional() @IsIn(REDUCTION_GROUPINGS) by?: ReductionGrouping;
  @ApiPropertyOptional({ description: 'Cuts effective on or after this date' }) @IsOptional() @IsIsoDate() from?: string;
  @ApiPropertyOptional({ description: 'Cuts effective on or before this date' }) @IsOptional() @IsIsoDate() to?: string;
}

export class ReductionGroupView implements ReductionGroup {
  @ApiProperty() key: string;
  @ApiProperty({ description: 'Procedures (in force) or cuts (in a period) summed' }) count: number;
  @ApiProperty({ description: 'Statutory days (in force) or days before the cuts' }) beforeDays: number;
  @ApiProperty({ description: 'Announced days (in force) or days after the cuts' }) afterDays: number;
  @ApiProperty() daysCut: number;
  @ApiProperty({ description: 'daysCut / beforeDays, in percent, three decimals' }) percentCut: number;
}

export class ReductionsView {
  @ApiProperty({ enum: REDUCTION_GROUPINGS }) by: ReductionGrouping;
  @ApiProperty({ type: [ReductionGroupView] }) groups: ReductionGroupView[];
  @ApiProperty({ type: ReductionGroupView }) total: ReductionGroupView;
}

export class InForceReductionsQuery extends Query<ReductionsView> {
  constructor(readonly request: InForceReductionsRequest) {
    super();
  }
}

export class CutReductionsQuery extends Query<ReductionsView> {
  constructor(readonly request: CutReductionsRequest) {
    super();
  }
}

const groupsOf = (procedure: Procedure, decision: string | undefined, date: string) => ({
  level: procedure.attributes.level,
  field: procedure.attributes.field,
  agency: procedure.attributes.agency,
  decision: decision ?? '(none)',
  year: date.slice(0, 4),
});

/**
 * Statutory against announced days of the procedures in force (now, or as of a date): the province's cut.
 * Grouped by decision and year, a procedure counts under the decision and year of its latest change.
 */
@QueryHandler(InForceReductionsQuery)
export class InForceReductionsHandler implements IQueryHandler<InForceReductionsQuery, ReductionsView> {
  constructor(
    private readonly projections: LiveProjections,
    private readonly timeline: ProcedureTimeline,
  ) {}

  async execute({ request }: InForceReductionsQuery): Promise<ReductionsView> {
    const by = request.by ?? 'total';
    const time = toTimeFilter(request);
    if (isFiltered(time)) {
      const catalog = await this.timeline.catalogAt(time);
      return { by, ...summarise(inForceLines([...catalog.values()].map((p) => p.procedure)), by) };
    }
    await this.projections.caughtUp();
    // Read one document at a time as they are summed, with no await in between: the catalogue is not held whole.
    const procedures = documentsOf(this.projections.readModel(procedureCatalogProjection).iterate({ where: { status: 'in_force' } }));
    return { by, ...summarise(inForceLines(procedures), by) };
  }
}

function* inForceLines(procedures: Iterable<Procedure>): Generator<ReductionLine> {
  for (const p of procedures) {
    if (p.status !== 'in_force') continue;
    yield { beforeDays: p.attributes.statutoryDays, afterDays: p.attributes.announcedDays, groups: groupsOf(p, p.lastDecision?.number, p.lastEffectiveDate) };
  }
}

function* documentsOf<Doc>(rows: Iterable<DocumentRow<Doc>>): Generator<Doc> {
  for (const { document } of rows) yield document;
}

/** The cuts made within a period, each filed under the procedure's level, field and agency when it was made. */
@QueryHandler(CutReductionsQuery)
export class CutReductionsHandler implements IQueryHandler<CutReductionsQuery, ReductionsView> {
  constructor(private readonly projections: LiveProjections) {}

  async execute({ request }: CutReductionsQuery): Promise<ReductionsView> {
    const by = request.by ?? 'total';
    await this.projections.caughtUp();
    // Read one document at a time as they are summed, with no await in between: over a long log, the documents of
    // every procedure ever cut, held at once, took hundreds of megabytes.
    const documents = this.projections.readModel(processingTimeCutsProjection).iterate({ ranges: { cut_count: { from: 1 } } });
    return { by, ...summarise(cutLines(documentsOf(documents), request), by) };
  }
}

function* cutLines(documents: Iterable<ProcedureCuts>, { from, to }: CutReductionsRequest): Generator<ReductionLine> {
  for (const { cuts } of documents) {
    for (const cut of cuts) {
      if ((from && cut.effectiveDate < from) || (to && cut.effectiveDate > to)) continue;
      yield {
        beforeDays: cut.fromDays,
        afterDays: cut.toDays,
        groups: { level: cut.level, field: cut.field, agency: cut.agency, decision: cut.decision?.number ?? '(none)', year: cut.effectiveDate.slice(0, 4) },
      };
    }
  }
}
