import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { Required } from '../../core/http/validation-rules';
import { UNIT_LEVELS, UnitLevel } from '../unit';
import { ReorganisationFactsDto } from '../dto/reorganisation-facts.dto';
import { ExpectedRevision, IsUnitId } from '../dto/unit-attributes.dto';

/** Moves a unit under another parent, to another level, or both. */
export class TransferUnitRequest extends ReorganisationFactsDto {
  @ApiProperty({ example: 'chi-cuc-kiem-lam' })
  @IsUnitId()
  @Required()
  unitId: string;

  @ApiPropertyOptional({ description: 'The new parent unit', example: 'so-nn-mt' })
  @IsOptional()
  @IsUnitId()
  parentId?: string;

  @ApiPropertyOptional({ enum: UNIT_LEVELS, description: 'The new level' })
  @IsOptional()
  @IsIn(UNIT_LEVELS)
  level?: UnitLevel;

  @ExpectedRevision()
  expectedRevision?: number;
}
