import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsHalfDays, NormalizedText, Required } from '../../core/http/validation-rules';
import { MAX_DAYS, ProcedureAttributesDto } from '../dto/procedure-attributes.dto';

export class CorrectedCutDto {
  @ApiProperty() @IsHalfDays() @Min(0) @Max(MAX_DAYS) @Required() fromDays: number;
  @ApiProperty() @IsHalfDays() @Min(0) @Max(MAX_DAYS) @Required() toDays: number;
}

export class CorrectEventRequest {
  @ApiProperty({ description: 'eventId of the event being corrected (see the history)' })
  @IsUUID()
  @Required()
  correctsEventId: string;

  @ApiProperty({ description: 'Why the recorded figure was wrong', example: 'Nhập sai số ngày theo Quyết định 77/QĐ-UBND' })
  @NormalizedText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  @Required()
  reason: string;

  @ApiPropertyOptional({ type: ProcedureAttributesDto, description: 'Corrected procedure, for an opening entry, announcement or amendment' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProcedureAttributesDto)
  procedure?: ProcedureAttributesDto;

  @ApiPropertyOptional({ type: CorrectedCutDto, description: 'Corrected days, for a processing-time cut' })
  @IsOptional()
  @ValidateNested()
  @Type(() => CorrectedCutDto)
  cut?: CorrectedCutDto;

  @ApiPropertyOptional({ description: 'Revision the procedure must be at; 409 otherwise' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedRevision?: number;
}
