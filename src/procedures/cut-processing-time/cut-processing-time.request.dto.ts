import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsHalfDays, IsIsoDate, Required } from '../../core/http/validation-rules';
import { DecisionRefDto } from '../dto/decision-ref.dto';
import { MAX_DAYS } from '../dto/procedure-attributes.dto';

export class CutProcessingTimeRequest {
  @ApiProperty({ description: 'Days announced before the cut; must equal the current announced days', example: 15 })
  @IsHalfDays()
  @Min(0)
  @Max(MAX_DAYS)
  @Required()
  fromDays: number;

  @ApiProperty({ description: 'Days announced after the cut; must be lower', example: 10.5 })
  @IsHalfDays()
  @Min(0)
  @Max(MAX_DAYS)
  @Required()
  toDays: number;

  @ApiProperty({ type: DecisionRefDto, description: 'The decision under which the cut is made' })
  @ValidateNested()
  @Type(() => DecisionRefDto)
  @Required()
  decision: DecisionRefDto;

  @ApiPropertyOptional({ description: 'When the cut takes effect; defaults to the decision date', example: '2022-07-01' })
  @IsOptional()
  @IsIsoDate()
  effectiveDate?: string;

  @ApiPropertyOptional({ description: 'Revision the procedure must be at; 409 otherwise' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedRevision?: number;

  @ApiPropertyOptional({ description: 'Where the figure comes from, e.g. a report file name' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source?: string;
}
