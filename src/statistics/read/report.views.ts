import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RecordedEvent } from '../../core/event-envelope';
import { Level, LEVELS } from '../../procedures/procedure';
import { Finding, FindingSeverity } from '../findings';
import { RecordedReport, REPORT_KINDS, ReportData, ReportKind, ReportRef } from '../report';

export class PeriodView {
  @ApiProperty() label: string;
  @ApiPropertyOptional() from?: string;
  @ApiProperty() to: string;
}

export class ReportRefView implements ReportRef {
  @ApiProperty({ enum: REPORT_KINDS }) kind: ReportKind;
  @ApiProperty() unit: string;
  @ApiPropertyOptional({ enum: LEVELS }) level?: Level;
  @ApiProperty() period: string;
  @ApiProperty() effectiveDate: string;
  @ApiPropertyOptional() source?: string;
}

export class FindingView implements Finding {
  @ApiProperty({ example: 'DOSSIERS.RECEIVED_NOT_ACCOUNTED_FOR' }) check: string;
  @ApiProperty({ enum: ['discrepancy', 'rounding'] }) severity: FindingSeverity;
  @ApiProperty({ example: 'received' }) field: string;
  @ApiProperty({ description: 'As the source states it' }) stated: number;
  @ApiProperty({ description: 'What the other stated figures give' }) computed: number;
  @ApiProperty({ description: 'stated − computed' }) difference: number;
  @ApiProperty() message: string;
  @ApiProperty() messageVi: string;
  @ApiPropertyOptional({ type: ReportRefView, description: 'The other report compared with' }) against?: ReportRefView;
}

export class ReportView {
  @ApiProperty({ example: 'statistics-dossiers:bình phước:province' }) streamId: string;
  @ApiProperty({ enum: REPORT_KINDS }) kind: ReportKind;
  @ApiProperty() unit: string;
  @ApiPropertyOptional({ enum: LEVELS }) level?: Level;
  @ApiProperty({ type: PeriodView }) period: PeriodView;
  @ApiProperty({ description: 'The date the figures stand' }) effectiveDate: string;
  @ApiPropertyOptional({ description: 'Where the figures come from' }) source?: string;
  @ApiPropertyOptional() note?: string;
  @ApiProperty({ type: Object, description: 'The figures as stated' }) figures: object;
  @ApiProperty({ type: [FindingView], description: 'What the consistency checks found when the report was recorded' }) findings: FindingView[];
  @ApiProperty({ description: 'Who recorded it' }) actor: string;
  @ApiProperty() position: number;
}

export class ReportResult extends ReportView {
  @ApiProperty() recordedAt: string;
  @ApiProperty({ description: 'True when this answers a retry: nothing new was written' }) replayed: boolean;
}

export class ReportListView {
  @ApiProperty({ type: [ReportView] }) items: ReportView[];
}

export class FindingLineView extends FindingView {
  @ApiProperty({ type: ReportRefView, description: 'The report the finding is stored with' }) report: ReportRefView;
}

export class FindingListView {
  @ApiProperty({ description: 'Findings that are discrepancies' }) discrepancies: number;
  @ApiProperty({ description: 'Findings that are rounding artefacts' }) roundings: number;
  @ApiProperty({ type: [FindingLineView] }) items: FindingLineView[];
}

export const toRecordedReport = (event: RecordedEvent): RecordedReport => ({
  eventId: event.id,
  position: event.position,
  effectiveDate: event.metadata.effectiveDate,
  ...(event.metadata.source && { source: event.metadata.source }),
  data: event.data as ReportData,
});

export function toReportView(event: RecordedEvent): ReportView {
  const { kind, unit, level, period, figures, findings, note } = event.data as ReportData;
  return {
    streamId: event.streamId,
    kind,
    unit,
    ...(level && { level }),
    period,
    effectiveDate: event.metadata.effectiveDate,
    ...(event.metadata.source && { source: event.metadata.source }),
    ...(note && { note }),
    figures,
    findings: [...findings],
    actor: event.metadata.actor,
    position: event.position,
  };
}
