import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DecisionRef, RecordedEvent } from '../core/event-envelope';
import { PROCEDURE_EFFECTS, ProcedureEffect, REORGANISATION_KINDS, ReorganisationKind, ReorganisationRecorded, ReorganisationSummaryRecorded } from './reorganisation';
import { UNIT_CATEGORIES, UNIT_LEVELS, UnitCategory, UnitLevel } from './unit';

export class DecisionRefView implements DecisionRef {
  @ApiProperty({ example: '999-QĐ/TU' }) number: string;
  @ApiProperty({ example: '2018-03-01' }) date: string;
  @ApiProperty({ example: 'Tỉnh ủy Bình Phước' }) issuer: string;
}

export class ProcedureFollowedView {
  @ApiProperty({ example: '1.000046' }) code: string;
  @ApiProperty({ enum: PROCEDURE_EFFECTS, isArray: true }) effects: ProcedureEffect[];
}

/** What a reorganisation wrote: the record in the decision's stream, the units and the procedures that followed. */
export class ReorganisationResult {
  @ApiProperty({ description: "The decision's reorganisation stream", example: 'reorganisation-999-QĐ/TU@2018-03-01' }) streamId: string;
  @ApiProperty({ enum: REORGANISATION_KINDS }) kind: ReorganisationKind;
  @ApiProperty({ type: DecisionRefView }) decision: DecisionRef;
  @ApiProperty() effectiveDate: string;
  @ApiProperty({ description: 'Global position of the record; the unit and procedure events follow it' }) position: number;
  @ApiProperty() recordedAt: string;
  @ApiProperty({ type: [String], description: 'Units whose streams were written, in order' }) units: string[];
  @ApiProperty({ type: [ProcedureFollowedView], description: 'Procedures that followed their unit' }) procedures: ProcedureFollowedView[];
  @ApiProperty({ type: [String], description: 'Procedures not moved because several active units carry their agency name' }) ambiguous: string[];
  @ApiPropertyOptional({ enum: UNIT_LEVELS, description: 'For a level abolition' }) level?: UnitLevel;
  @ApiProperty({ description: 'True when this answers a retry: nothing new was written' }) replayed: boolean;
}

export class SummaryResult {
  @ApiProperty() streamId: string;
  @ApiProperty({ type: DecisionRefView }) decision: DecisionRef;
  @ApiProperty({ description: 'The date the count after stands' }) effectiveDate: string;
  @ApiPropertyOptional({ enum: UNIT_LEVELS }) level?: UnitLevel;
  @ApiPropertyOptional({ enum: UNIT_CATEGORIES }) category?: UnitCategory;
  @ApiProperty() countBefore: number;
  @ApiProperty() countAfter: number;
  @ApiProperty() position: number;
  @ApiProperty() replayed: boolean;
}

export function toReorganisationResult(event: RecordedEvent, replayed: boolean): ReorganisationResult {
  const { kind, units, procedures, ambiguous, level } = (event as unknown as ReorganisationRecorded).data;
  return {
    streamId: event.streamId,
    kind,
    decision: event.metadata.decision!,
    effectiveDate: event.metadata.effectiveDate,
    position: event.position,
    recordedAt: event.recordedAt,
    units: [...units],
    procedures: procedures.map((p) => ({ code: p.code, effects: [...p.effects] })),
    ambiguous: [...(ambiguous ?? [])],
    ...(level && { level }),
    replayed,
  };
}

export function toSummaryResult(event: RecordedEvent, replayed: boolean): SummaryResult {
  const data = (event as unknown as ReorganisationSummaryRecorded).data;
  return {
    streamId: event.streamId,
    decision: event.metadata.decision!,
    effectiveDate: event.metadata.effectiveDate,
    ...data,
    position: event.position,
    replayed,
  };
}
