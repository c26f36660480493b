import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { RecordedEvent } from '../core/event-envelope';
import { IsIsoDate, IsKnownAt } from '../core/http/validation-rules';
import { normalizeKnownAt } from '../core/projection/event-filter';
import { ProjectionRunner } from '../core/projection/projection-runner';
import { auditTrailProjection } from '../../projections/audit-trail.projection';

const OptionalText = (description: string) => applyDecorators(ApiPropertyOptional({ description }), IsOptional(), IsString(), MaxLength(300));

export class AuditTrailRequest {
  @OptionalText('Kind of entity: procedure, decision, unit, …') entityType?: string;
  @OptionalText('Entity id, e.g. a procedure code') entityId?: string;
  @OptionalText('Who recorded the events') actor?: string;
  @OptionalText('Decision number, e.g. 1234/QĐ-UBND') decision?: string;
  @OptionalText('Event type, e.g. ProcessingTimeCut') type?: string;
  @ApiPropertyOptional({ description: 'Effective on or after (YYYY-MM-DD)' }) @IsOptional() @IsIsoDate() effectiveFrom?: string;
  @ApiPropertyOptional({ description: 'Effective on or before (YYYY-MM-DD)' }) @IsOptional() @IsIsoDate() effectiveTo?: string;
  @ApiPropertyOptional({ description: 'Recorded at or after (ISO timestamp, or a date: its start)' }) @IsOptional() @IsKnownAt() recordedFrom?: string;
  @ApiPropertyOptional({ description: 'Recorded at or before (ISO timestamp, or a date: its end)' }) @IsOptional() @IsKnownAt() recordedTo?: string;
  @ApiPropertyOptional({ default: 100, maximum: 1000 }) @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' }) @IsOptional() @Matches(/^\d{1,15}$/, { message: 'cursor must be the nextCursor of a previous page' }) cursor?: string;
}

export class AuditEntryView {
  @ApiProperty() position: number;
  @ApiProperty() eventId: string;
  @ApiProperty() streamId: string;
  @ApiProperty() revision: number;
  @ApiProperty() type: string;
  @ApiProperty() schemaVersion: number;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ type: Object, description: 'actor, effectiveDate, decision, correlationId, causationId, source' }) metadata: Record<string, unknown>;
  @ApiProperty({ type: Object }) data: unknown;
}

export class AuditTrailView {
  @ApiProperty({ type: [AuditEntryView] }) items: AuditEntryView[];
  @ApiPropertyOptional() nextCursor?: string;
}

export class AuditTrailQuery extends Query<AuditTrailView> {
  constructor(readonly request: AuditTrailRequest) {
    super();
  }
}

/** The inspector's view: every event, filtered by any of the audit keys, in log order, a page at a time. */
@QueryHandler(AuditTrailQuery)
export class AuditTrailHandler implements IQueryHandler<AuditTrailQuery, AuditTrailView> {
  constructor(private readonly projections: ProjectionRunner) {}

  async execute({ request: r }: AuditTrailQuery): Promise<AuditTrailView> {
    await this.projections.caughtUp();
    const limit = r.limit ?? 100;
    // The document id of the event at the cursor's position (see auditTrailProjection.documentId).
    const cursorId = r.cursor?.padStart(15, '0');
    const recordedFrom = r.recordedFrom && (/^\d{4}-\d{2}-\d{2}$/.test(r.recordedFrom) ? `${r.recordedFrom}T00:00:00.000Z` : normalizeKnownAt(r.recordedFrom));
    const rows = this.projections.readModel(auditTrailProjection).query({
      where: { entity_type: r.entityType, entity_id: r.entityId, actor: r.actor, decision: r.decision, type: r.type },
      ranges: {
        effective_date: { from: r.effectiveFrom, to: r.effectiveTo },
        recorded_at: { from: recordedFrom, to: r.recordedTo && normalizeKnownAt(r.recordedTo) },
      },
      // Log order by id, not by the position column: ids are the positions zero-padded, and every index is
      // (column, id), so a page is read straight off the filter's index from the cursor on. Ordered by position, SQLite
      // sorted every match of the filter for each page, or walked the log from its start to the cursor: a page far down
      // a large trail took as long as the trail, and reading a whole trail page by page grew with its square.
      ...(cursorId && { after: { value: cursorId, id: cursorId } }),
      limit: limit + 1,
    });
    const items = rows.slice(0, limit).map(({ document }) => toAuditEntry(document));
    return { items, ...(rows.length > limit && { nextCursor: String(items.at(-1)!.position) }) };
  }
}

const toAuditEntry = (event: RecordedEvent): AuditEntryView => ({
  position: event.position,
  eventId: event.id,
  streamId: event.streamId,
  revision: event.revision,
  type: event.type,
  schemaVersion: event.schemaVersion,
  recordedAt: event.recordedAt,
  metadata: { ...event.metadata },
  data: event.data,
});
