import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsOptional, ValidateNested } from 'class-validator';
import { Required } from '../../core/http/validation-rules';
import { UNIT_LEVELS, UnitLevel } from '../unit';
import { ReorganisationFactsDto } from '../dto/reorganisation-facts.dto';
import { IsUnitId, UnitName } from '../dto/unit-attributes.dto';

/** Enough for every unit of a level of a province, with room to spare. */
export const MAX_LEVEL_TRANSFERS = 5000;

export class LevelTransferDto {
  @ApiProperty({ example: 'vp-dang-ky-dat-dai-bu-dang' })
  @IsUnitId()
  @Required()
  unitId: string;

  @ApiPropertyOptional({ enum: UNIT_LEVELS, description: 'Its new level (required for a unit of the abolished level)' })
  @IsOptional()
  @IsIn(UNIT_LEVELS)
  level?: UnitLevel;

  @ApiPropertyOptional({ description: 'Its new parent' })
  @IsOptional()
  @IsUnitId()
  parentId?: string;
}

export class ProceduresToDto {
  @ApiProperty({ enum: UNIT_LEVELS, example: 'commune' })
  @IsIn(UNIT_LEVELS)
  @Required()
  level: UnitLevel;

  @ApiPropertyOptional({ description: 'The agency that implements them there', example: 'UBND cấp xã' })
  @IsOptional()
  @UnitName()
  agency?: string;
}

/**
 * A whole level abolished (the district level, 1 July 2025): its units are dissolved except those transferred, and
 * every procedure of the level moves with its surviving unit, goes where `proceduresTo` says, or is flagged orphaned.
 */
export class AbolishLevelRequest extends ReorganisationFactsDto {
  @ApiProperty({ enum: UNIT_LEVELS, example: 'district' })
  @IsIn(UNIT_LEVELS)
  @Required()
  level: UnitLevel;

  @ApiPropertyOptional({ type: [LevelTransferDto], description: 'Units that survive elsewhere, and units of other levels that need a new parent' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_LEVEL_TRANSFERS)
  @ValidateNested({ each: true })
  @Type(() => LevelTransferDto)
  transfers?: LevelTransferDto[];

  @ApiPropertyOptional({ type: ProceduresToDto, description: "Where the level's procedures go when no surviving unit takes them" })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProceduresToDto)
  proceduresTo?: ProceduresToDto;
}
