import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, ValidateIf, ValidateNested } from 'class-validator';
import { Required } from '../../core/http/validation-rules';
import { UNIT_CATEGORIES, UNIT_LEVELS, UnitCategory, UnitLevel } from '../unit';
import { ReorganisationFactsDto } from '../dto/reorganisation-facts.dto';
import { ExpectedRevision, IsUnitId, UnitName } from '../dto/unit-attributes.dto';

export const MAX_UNITS_PER_COMMAND = 500;

export class MergedUnitDto {
  @ApiProperty({ example: 'so-tn-mt' })
  @IsUnitId()
  @Required()
  unitId: string;

  @ExpectedRevision()
  expectedRevision?: number;
}

/** Only `unitId`: an existing unit takes the others in. With name, level and category: the merger creates it. */
export class MergeTargetDto {
  @ApiProperty({ example: 'so-nn-mt' })
  @IsUnitId()
  @Required()
  unitId: string;

  @ApiPropertyOptional({ description: 'For a new unit: its name', example: 'Sở Nông nghiệp và Môi trường' })
  @ValidateIf(isNewTarget)
  @UnitName()
  @Required()
  name?: string;

  @ApiPropertyOptional({ enum: UNIT_LEVELS, description: 'For a new unit' })
  @ValidateIf(isNewTarget)
  @IsIn(UNIT_LEVELS)
  @Required()
  level?: UnitLevel;

  @ApiPropertyOptional({ enum: UNIT_CATEGORIES, description: 'For a new unit' })
  @ValidateIf(isNewTarget)
  @IsIn(UNIT_CATEGORIES)
  @Required()
  category?: UnitCategory;

  @ApiPropertyOptional({ description: 'For a new unit: its parent' })
  @IsOptional()
  @IsUnitId()
  parentId?: string;

  @ExpectedRevision()
  expectedRevision?: number;
}

export function isNewTarget(target: MergeTargetDto): boolean {
  return target.name !== undefined || target.level !== undefined || target.category !== undefined || target.parentId !== undefined;
}

/** Several units merged into one (sáp nhập / hợp nhất), all at once. */
export class MergeUnitsRequest extends ReorganisationFactsDto {
  @ApiProperty({ type: [MergedUnitDto], description: 'The units that end by merging' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_UNITS_PER_COMMAND)
  @ValidateNested({ each: true })
  @Type(() => MergedUnitDto)
  @Required()
  units: MergedUnitDto[];

  @ApiProperty({ type: MergeTargetDto, description: 'The unit they merge into: existing, or new' })
  @ValidateNested()
  @Type(() => MergeTargetDto)
  @Required()
  into: MergeTargetDto;
}
