import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsOptional, ValidateNested } from 'class-validator';
import { IsIsoDate, Required } from '../../core/http/validation-rules';
import { Level, LEVELS } from '../../procedures/procedure';
import { Text } from './figure-fields';

export class PeriodDto {
  @ApiProperty({ description: 'The period as the source names it', example: '6 tháng đầu năm 2022' })
  @Text(200)
  @Required()
  label: string;

  @ApiPropertyOptional({ description: 'First day; absent where the source gives only an end ("from the start of the term")', example: '2022-01-01' })
  @IsOptional()
  @IsIsoDate()
  from?: string;

  @ApiProperty({ description: 'Last day', example: '2022-06-18' })
  @IsIsoDate()
  @Required()
  to: string;
}

/** What every period report states besides its figures: who, which level, which period, from where, as of when. */
export class ReportHeaderDto {
  @ApiProperty({ description: 'The reporting province or agency', example: 'Bình Phước' })
  @Text(300)
  @Required()
  unit: string;

  @ApiPropertyOptional({ enum: LEVELS, description: 'The level of government the figures cover; absent: every level' })
  @IsOptional()
  @IsIn(LEVELS)
  level?: Level;

  @ApiProperty({ type: PeriodDto })
  @ValidateNested()
  @Type(() => PeriodDto)
  @Required()
  period: PeriodDto;

  @ApiPropertyOptional({ description: 'The date the figures stand; defaults to the end of the period', example: '2022-06-18' })
  @IsOptional()
  @IsIsoDate()
  effectiveDate?: string;

  @ApiProperty({ description: 'Where the figures come from, e.g. the report file name', example: '002_90c0e404548d7a3f.txt' })
  @Text(500)
  @Required()
  source: string;

  @ApiPropertyOptional({ description: 'What the source says in words about these figures' })
  @IsOptional()
  @Text(2000)
  note?: string;
}
