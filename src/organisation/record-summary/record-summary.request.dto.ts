import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { Required } from '../../core/http/validation-rules';
import { UNIT_CATEGORIES, UNIT_LEVELS, UnitCategory, UnitLevel } from '../unit';
import { ReorganisationFactsDto } from '../dto/reorganisation-facts.dto';

/** No province has had anywhere near this many units; a larger figure is a typo. */
export const MAX_UNIT_COUNT = 1_000_000;

/**
 * Counts published without the detail (e.g. 214 → 124 provincial units under 999-QĐ/TU). `effectiveDate` is the date
 * the count after stands; the count before is taken to stand the day before the decision was signed.
 */
export class RecordSummaryRequest extends ReorganisationFactsDto {
  @ApiPropertyOptional({ enum: UNIT_LEVELS, description: 'The level counted; absent: every level' })
  @IsOptional()
  @IsIn(UNIT_LEVELS)
  level?: UnitLevel;

  @ApiPropertyOptional({ enum: UNIT_CATEGORIES, description: 'The category counted; absent: every category' })
  @IsOptional()
  @IsIn(UNIT_CATEGORIES)
  category?: UnitCategory;

  @ApiProperty({ example: 214 })
  @IsInt()
  @Min(0)
  @Max(MAX_UNIT_COUNT)
  @Required()
  countBefore: number;

  @ApiProperty({ example: 124 })
  @IsInt()
  @Min(0)
  @Max(MAX_UNIT_COUNT)
  @Required()
  countAfter: number;
}
