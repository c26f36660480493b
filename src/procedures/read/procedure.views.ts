import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DecisionRef, RecordedEvent } from '../../core/event-envelope';
import { Level, LEVELS, ONLINE_LEVELS, OnlineLevel, PROCEDURE_STATUSES, ProcedureStatus } from '../procedure';
import { ORPHAN_REASONS, OrphanReason } from '../procedure.events';
import { Procedure } from '../procedure.state';

export class OrphanedView {
  @ApiProperty({ enum: ORPHAN_REASONS }) reason: OrphanReason;
  @ApiProperty({ description: 'Effective date of the reorganisation that left the procedure without its unit' }) since: string;
  @ApiPropertyOptional({ description: 'The unit that is gone' }) unitId?: string;
}

export class ProcedureView {
  @ApiProperty({ example: '1.000046' }) code: string;
  @ApiProperty({ enum: PROCEDURE_STATUSES }) status: ProcedureStatus;
  @ApiProperty() name: string;
  @ApiProperty({ enum: LEVELS }) level: Level;
  @ApiProperty() field: string;
  @ApiProperty() agency: string;
  @ApiProperty() statutoryDays: number;
  @ApiProperty() announcedDays: number;
  @ApiProperty({ enum: ONLINE_LEVELS }) onlineLevel: OnlineLevel;
  @ApiProperty() connectedToNationalPortal: boolean;
  @ApiProperty() interLevel: boolean;
  @ApiProperty({ enum: ['opening', 'announced'], description: 'Whether the history starts with an opening entry or a decision' })
  origin: 'opening' | 'announced';
  @ApiPropertyOptional({ description: 'Source cited by the opening entry' }) openingSource?: string;
  @ApiProperty({ description: 'Effective date of the first event' }) since: string;
  @ApiProperty({ description: 'Effective date of the latest event' }) lastEffectiveDate: string;
  @ApiPropertyOptional() lastDecision?: DecisionRef;
  @ApiPropertyOptional() replaces?: string;
  @ApiPropertyOptional() replacedBy?: string;
  @ApiPropertyOptional({ type: OrphanedView, description: 'Present while the implementing unit is gone; an amending decision resolves it' })
  orphaned?: OrphanedView;
  @ApiProperty({ description: 'Revision of the last event: send it back as expectedRevision' }) revision: number;
}

export class HistoryEntryView {
  @ApiProperty() position: number;
  @ApiProperty() revision: number;
  @ApiProperty({ example: 'ProcessingTimeCut' }) type: string;
  @ApiProperty() schemaVersion: number;
  @ApiProperty({ description: 'When the act takes legal effect' }) effectiveDate: string;
  @ApiProperty({ description: 'When the ledger recorded it' }) recordedAt: string;
  @ApiProperty({ description: 'Who recorded it' }) actor: string;
  @ApiPropertyOptional() decision?: DecisionRef;
  @ApiPropertyOptional() source?: string;
  @ApiProperty() eventId: string;
  @ApiProperty() correlationId: string;
  @ApiPropertyOptional() causationId?: string;
  @ApiProperty({ type: Object }) data: unknown;
}

export class ProcedureHistoryView {
  @ApiProperty() code: string;
  @ApiProperty({ type: [HistoryEntryView] }) events: HistoryEntryView[];
}

export class ProcedureListView {
  @ApiProperty({ type: [ProcedureView] }) items: ProcedureView[];
  @ApiPropertyOptional({ description: 'Pass as `cursor` to get the next page; absent on the last page' }) nextCursor?: string;
}

export const toProcedureView = (procedure: Procedure, revision: number): ProcedureView => {
  const { attributes, ...rest } = procedure;
  return { ...rest, ...attributes, revision };
};

export const toHistoryEntry = (event: RecordedEvent): HistoryEntryView => ({
  position: event.position,
  revision: event.revision,
  type: event.type,
  schemaVersion: event.schemaVersion,
  effectiveDate: event.metadata.effectiveDate,
  recordedAt: event.recordedAt,
  actor: event.metadata.actor,
  ...(event.metadata.decision && { decision: event.metadata.decision }),
  ...(event.metadata.source && { source: event.metadata.source }),
  eventId: event.id,
  correlationId: event.metadata.correlationId,
  ...(event.metadata.causationId && { causationId: event.metadata.causationId }),
  data: event.data,
});
