import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { Required } from '../../core/http/validation-rules';
import { UNIT_CATEGORIES, UNIT_LEVELS, UnitCategory, UnitLevel } from '../unit';
import { ReorganisationFactsDto } from '../dto/reorganisation-facts.dto';
import { ExpectedRevision, IsUnitId, UnitName } from '../dto/unit-attributes.dto';
import { MAX_UNITS_PER_COMMAND } from '../merge-units/merge-units.request.dto';

/** A unit the split creates; level, category and parent default to those of the unit split. */
export class SplitPartDto {
  @ApiProperty({ example: 'so-d' })
  @IsUnitId()
  @Required()
  unitId: string;

  @ApiProperty({ example: 'Sở Khoa học và Công nghệ' })
  @UnitName()
  @Required()
  name: string;

  @ApiPropertyOptional({ enum: UNIT_LEVELS })
  @IsOptional()
  @IsIn(UNIT_LEVELS)
  level?: UnitLevel;

  @ApiPropertyOptional({ enum: UNIT_CATEGORIES })
  @IsOptional()
  @IsIn(UNIT_CATEGORIES)
  category?: UnitCategory;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUnitId()
  parentId?: string;
}

/** One unit split into several new ones (chia tách). */
export class SplitUnitRequest extends ReorganisationFactsDto {
  @ApiProperty({ description: 'The unit that ends by being split', example: 'so-c' })
  @IsUnitId()
  @Required()
  unitId: string;

  @ExpectedRevision()
  expectedRevision?: number;

  @ApiProperty({ type: [SplitPartDto], description: 'At least two new units' })
  @IsArray()
  @ArrayMinSize(2)
  @ArrayMaxSize(MAX_UNITS_PER_COMMAND)
  @ValidateNested({ each: true })
  @Type(() => SplitPartDto)
  @Required()
  parts: SplitPartDto[];

  @ApiPropertyOptional({ description: "The part that takes over the unit's procedures; without it they are flagged orphaned" })
  @IsOptional()
  @IsUnitId()
  proceduresTo?: string;
}
