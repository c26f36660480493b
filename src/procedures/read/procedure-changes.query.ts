import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { DecisionRef } from '../../core/event-envelope';
import { InvalidInputError } from '../../core/errors/ledger-errors';
import { IsIsoDate, IsKnownAt, Required } from '../../core/http/validation-rules';
import { normalizeKnownAt } from '../../core/projection/event-filter';
import { ProcedureTimeline, TimelineMoment } from './procedure-timeline';
import { ProcedureView, toProcedureView } from './procedure.views';

export class ProcedureChangesRequest {
  @ApiProperty({ description: 'Compare the catalogue as of this date…', example: '2021-12-31' }) @IsIsoDate() @Required() from: string;
  @ApiProperty({ description: '…with the catalogue as of this date', example: '2022-12-31' }) @IsIsoDate() @Required() to: string;
  @ApiPropertyOptional({ description: 'As the ledger knew it at this moment' }) @IsOptional() @IsKnownAt() knownAt?: string;
  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @IsString() @MaxLength(200) cursor?: string;
}

export class ChangeEventView {
  @ApiProperty() position: number;
  @ApiProperty() type: string;
  @ApiProperty() effectiveDate: string;
  @ApiPropertyOptional() decision?: DecisionRef;
}

export class ProcedureChangeView {
  @ApiProperty() code: string;
  @ApiPropertyOptional({ type: ProcedureView, description: 'As of `from`; absent if not yet recorded' }) before?: ProcedureView;
  @ApiPropertyOptional({ type: ProcedureView, description: 'As of `to`' }) after?: ProcedureView;
  @ApiProperty({ type: [ChangeEventView], description: 'The events that took effect in between' }) events: ChangeEventView[];
}

export class DecisionCountView {
  @ApiProperty() decision: string;
  @ApiProperty() procedures: number;
}

export class ProcedureChangesView {
  @ApiProperty() from: string;
  @ApiProperty() to: string;
  @ApiProperty({ type: [DecisionCountView], description: 'How many procedures each decision changed in the period' }) byDecision: DecisionCountView[];
  @ApiProperty({ type: [ProcedureChangeView] }) changes: ProcedureChangeView[];
  @ApiPropertyOptional() nextCursor?: string;
}

export class ProcedureChangesQuery extends Query<ProcedureChangesView> {
  constructor(readonly request: ProcedureChangesRequest) {
    super();
  }
}

/** Every procedure changed in a period, in code order, and how many each decision changed. */
interface PeriodChanges {
  readonly byDecision: DecisionCountView[];
  readonly changes: ProcedureChangeView[];
}

/** What changed in the catalogue between two effective dates, procedure by procedure, and under which decisions. */
@QueryHandler(ProcedureChangesQuery)
export class ProcedureChangesHandler implements IQueryHandler<ProcedureChangesQuery, ProcedureChangesView> {
  /**
   * The last period's changes, with what was asked and the trail's position, their exact key: an inspector reads a
   * period's changes a page at a time, each page a request over the same log. One only: a period can hold most of it.
   */
  private last?: { readonly key: string; readonly changes: PeriodChanges };

  constructor(private readonly timeline: ProcedureTimeline) {}

  async execute({ request }: ProcedureChangesQuery): Promise<ProcedureChangesView> {
    const { from, to } = request;
    if (from > to) {
      throw new InvalidInputError([{ field: 'from', rule: 'notAfterTo', message: `from (${from}) must not be after to (${to})`, messageVi: 'ngày bắt đầu không được sau ngày kết thúc' }]);
    }
    const knownAt = request.knownAt && normalizeKnownAt(request.knownAt);
    const { byDecision, changes } = await this.timeline.atOneMoment((moment) => {
      const key = JSON.stringify([from, to, knownAt ?? null, moment.position]);
      if (this.last?.key !== key) this.last = { key, changes: periodChanges(moment, from, to, knownAt) };
      return this.last.changes;
    });
    const limit = request.limit ?? 100;
    const page = changes.filter((c) => !request.cursor || c.code > request.cursor);
    return {
      from,
      to,
      byDecision,
      changes: page.slice(0, limit),
      ...(page.length > limit && { nextCursor: page[limit - 1].code }),
    };
  }
}

function periodChanges(moment: TimelineMoment, from: string, to: string, knownAt: string | undefined): PeriodChanges {
  // Each event of the period as the answer shows it, not whole: a period can hold most of the log. The events are
  // met while the catalogues at both ends are folded, in the same reading of the trail.
  const eventsByCode = new Map<string, ChangeEventView[]>();
  const [before, after] = moment.catalogsAt([from, to], knownAt, (code, e) => {
    if (e.metadata.effectiveDate <= from) return;
    const view: ChangeEventView = { position: e.position, type: e.type, effectiveDate: e.metadata.effectiveDate, ...(e.metadata.decision && { decision: e.metadata.decision }) };
    const events = eventsByCode.get(code);
    if (events) events.push(view);
    else eventsByCode.set(code, [view]);
  });

  const changes: ProcedureChangeView[] = [];
  const decisions = new Map<string, Set<string>>();
  for (const code of [...eventsByCode.keys()].sort()) {
    const events = eventsByCode.get(code)!;
    for (const e of events) {
      const number = e.decision?.number;
      if (number) decisions.set(number, (decisions.get(number) ?? new Set()).add(code));
    }
    const was = before.get(code);
    const is = after.get(code);
    changes.push({
      code,
      ...(was && { before: toProcedureView(was.procedure, was.revision) }),
      ...(is && { after: toProcedureView(is.procedure, is.revision) }),
      events,
    });
  }
  const byDecision = [...decisions].map(([decision, codes]) => ({ decision, procedures: codes.size })).sort((a, b) => (a.decision < b.decision ? -1 : 1));
  return { byDecision, changes };
}
