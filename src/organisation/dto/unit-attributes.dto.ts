import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, Min } from 'class-validator';
import { NormalizedText, Required } from '../../core/http/validation-rules';
import { UNIT_CATEGORIES, UNIT_LEVELS, UnitCategory, UnitLevel } from '../unit';

/**
 * A unit id is opaque and chosen by the caller, so a decision can name a unit stably. It travels in URLs, hence no
 * slash; `counts` is taken by the route `/units/counts`.
 */
export const UNIT_ID_PATTERN = /^(?!counts$)[\p{L}\p{N}._-]{1,64}$/u;
const UNIT_ID_RULE = 'must be 1 to 64 letters, digits, dots, dashes or underscores (and not "counts"), sent as a string';

export const IsUnitId = (): PropertyDecorator =>
  applyDecorators(IsString(), Matches(UNIT_ID_PATTERN, { message: ({ property }) => `${property} ${UNIT_ID_RULE}` }));

export const UnitName = (): PropertyDecorator => applyDecorators(NormalizedText(), IsString(), IsNotEmpty(), MaxLength(300));

export const ExpectedRevision = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ description: "Revision the unit's stream must be at (see GET /units/{id}); 409 otherwise" }),
    IsOptional(),
    IsInt(),
    Min(0),
  );

/** A unit as established: its name, level, category and parent. */
export class UnitAttributesDto {
  @ApiProperty({ example: 'Sở Nông nghiệp và Môi trường' })
  @UnitName()
  @Required()
  name: string;

  @ApiProperty({ enum: UNIT_LEVELS, example: 'province' })
  @IsIn(UNIT_LEVELS)
  @Required()
  level: UnitLevel;

  @ApiProperty({ enum: UNIT_CATEGORIES, description: 'province (the province itself), agency, sub_agency, office, public_service_unit, one_stop_desk', example: 'agency' })
  @IsIn(UNIT_CATEGORIES)
  @Required()
  category: UnitCategory;

  @ApiPropertyOptional({ description: 'Id of the unit it belongs to; absent for the province itself', example: 'ubnd-tinh' })
  @IsOptional()
  @IsUnitId()
  parentId?: string;
}

export class NewUnitDto extends UnitAttributesDto {
  @ApiProperty({ description: 'Opaque id chosen by the caller', example: 'so-nn-mt' })
  @IsUnitId()
  @Required()
  unitId: string;
}
