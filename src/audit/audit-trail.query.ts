import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { EventMetadata } from '../core/event-envelope';
import { IsIsoDate, IsKnownAt } from '../core/http/validation-rules';
import { normalizeKnownAt } from '../core/projection/event-filter';
import { DocumentFields, DocumentQuery } from '../core/projection/read-store';
import { LiveProjections } from '../core/projection/live-projections';
import { AuditEntry, auditEntryId, auditTrailProjection } from '../../projections/audit-trail.projection';

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

export class AuditEntryView implements AuditEntry {
  @ApiProperty() position: number;
  @ApiProperty() eventId: string;
  @ApiProperty() streamId: string;
  @ApiProperty() revision: number;
  @ApiProperty() type: string;
  @ApiProperty() schemaVersion: number;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ type: Object, description: 'actor, effectiveDate, decision, correlationId, causationId, source' }) metadata: EventMetadata;
  @ApiProperty({ type: Object }) data: unknown;
}

/** What GET /audit answers with. */
export class AuditTrailView {
  @ApiProperty({ type: [AuditEntryView] }) items: AuditEntryView[];
  @ApiPropertyOptional() nextCursor?: string;
}

/**
 * A page of the trail for GET /audit: each entry as the JSON it is stored as (an AuditEntryView, in UTF-8), and where
 * the next page starts. Pages of a thousand entries weigh hundreds of kilobytes: parsing them only to write them again,
 * and turning bytes into strings and back, made most of a page's time, so they are sent as stored.
 */
export interface AuditTrailPage {
  readonly entries: readonly Buffer[];
  readonly nextCursor?: string;
}

export class AuditTrailQuery extends Query<AuditTrailPage> {
  constructor(readonly request: AuditTrailRequest) {
    super();
  }
}

/** The same pages as objects, for readers inside the service (the annual report). */
export class AuditEntriesQuery extends Query<AuditTrailView> {
  constructor(readonly request: AuditTrailRequest) {
    super();
  }
}

/**
 * Chosen fields of the entries, by name: an index of the trail (`actor`, `decision`, `effective_date`, …) or a path in
 * the entry (`$.eventId`); see SqliteReadStore.queryFields.
 */
export class AuditFieldsQuery<Name extends string> extends Query<AuditFieldsPage<Name>> {
  constructor(
    readonly request: AuditTrailRequest,
    readonly fields: Readonly<Record<Name, string>>,
  ) {
    super();
  }
}

export interface AuditFieldsPage<Name extends string> {
  readonly items: Array<DocumentFields<Name>>;
  readonly nextCursor?: string;
}

/** The inspector's view: every event, filtered by any of the audit keys, in log order, a page at a time. */
@QueryHandler(AuditTrailQuery)
export class AuditTrailHandler implements IQueryHandler<AuditTrailQuery, AuditTrailPage> {
  constructor(private readonly projections: LiveProjections) {}

  async execute({ request }: AuditTrailQuery): Promise<AuditTrailPage> {
    await this.projections.caughtUp();
    const { rows, nextCursor } = paged(request, (query) => this.projections.readModel(auditTrailProjection).queryJson(query));
    return { entries: rows.map((row) => row.json), ...(nextCursor && { nextCursor }) };
  }
}

@QueryHandler(AuditEntriesQuery)
export class AuditEntriesHandler implements IQueryHandler<AuditEntriesQuery, AuditTrailView> {
  constructor(private readonly projections: LiveProjections) {}

  async execute({ request }: AuditEntriesQuery): Promise<AuditTrailView> {
    await this.projections.caughtUp();
    // Read as text: a reader that parses the entries pays less for strings straight from SQLite than for bytes.
    const { rows, nextCursor } = paged(request, (query) => this.projections.readModel(auditTrailProjection).query(query));
    return { items: rows.map((row) => row.document), ...(nextCursor && { nextCursor }) };
  }
}

/** For readers inside the service that need a few fields of many entries (the annual report's counts and digest). */
@QueryHandler(AuditFieldsQuery)
export class AuditFieldsHandler<Name extends string> implements IQueryHandler<AuditFieldsQuery<Name>, AuditFieldsPage<Name>> {
  constructor(private readonly projections: LiveProjections) {}

  async execute({ request, fields }: AuditFieldsQuery<Name>): Promise<AuditFieldsPage<Name>> {
    await this.projections.caughtUp();
    const { rows, nextCursor } = paged(request, (query) => this.projections.readModel(auditTrailProjection).queryFields(query, fields));
    return { items: rows, ...(nextCursor && { nextCursor }) };
  }
}

/** The page a request asks for, read with `read`, and the cursor of the next page when there is one. */
function paged<Row extends { readonly id: string }>(r: AuditTrailRequest, read: (query: DocumentQuery) => Row[]): { rows: Row[]; nextCursor?: string } {
  const limit = r.limit ?? 100;
  const recordedFrom = r.recordedFrom && (/^\d{4}-\d{2}-\d{2}$/.test(r.recordedFrom) ? `${r.recordedFrom}T00:00:00.000Z` : normalizeKnownAt(r.recordedFrom));
  const rows = read({
    where: { entity_type: r.entityType, entity_id: r.entityId, actor: r.actor, decision: r.decision, type: r.type },
    ranges: {
      effective_date: { from: r.effectiveFrom, to: r.effectiveTo },
      recorded_at: { from: recordedFrom, to: r.recordedTo && normalizeKnownAt(r.recordedTo) },
    },
    ...(r.cursor && { after: { value: null, id: auditEntryId(Number(r.cursor)) } }),
    // One more than the page holds: whether it comes says whether another page follows.
    limit: limit + 1,
  });
  const page = rows.slice(0, limit);
  // The id is the entry's zero-padded position: the cursor is that position.
  return { rows: page, ...(rows.length > limit && { nextCursor: String(Number(page.at(-1)!.id)) }) };
}

const ITEMS = Buffer.from('{"items":[');
const COMMA = Buffer.from(',');

/** The page as GET /audit answers it (an AuditTrailView), written around the stored entries. */
export function auditTrailJson({ entries, nextCursor }: AuditTrailPage): Buffer {
  const parts: Buffer[] = [ITEMS];
  for (const [index, entry] of entries.entries()) {
    if (index > 0) parts.push(COMMA);
    parts.push(entry);
  }
  parts.push(Buffer.from(nextCursor === undefined ? ']}' : `],"nextCursor":${JSON.stringify(nextCursor)}}`));
  return Buffer.concat(parts);
}
