import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, MaxLength } from 'class-validator';
import { IsIsoDate, NormalizedText } from '../../core/http/validation-rules';

export const MAX_COUNT_DATES = 100;

export class AsOfRequest {
  @ApiPropertyOptional({ description: 'Fold only events effective on or before this date; absent: everything recorded', example: '2025-07-01' })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;
}

export class UnitCountsRequest extends AsOfRequest {
  @ApiPropertyOptional({ description: 'Several dates at once, comma-separated: counts over time', example: '2024-12-31,2025-07-01' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.split(',').map((d) => d.trim()) : value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_COUNT_DATES)
  @IsIsoDate({ each: true, message: 'dates must be calendar dates written YYYY-MM-DD, separated by commas' })
  dates?: string[];
}

export class ReconciliationRequest {
  @ApiPropertyOptional({ description: 'Only summaries under this decision number', example: '999-QĐ/TU' })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @MaxLength(100)
  decision?: string;
}
