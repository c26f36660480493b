import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { IsHalfDays, NormalizedText, Required } from '../../core/http/validation-rules';
import { Level, LEVELS, ONLINE_LEVELS, OnlineLevel, ProcedureAttributes } from '../procedure';

/** The longest processing time the ledger accepts for one procedure: ten years of working days. */
export const MAX_DAYS = 3650;

/** A procedure code is opaque: kept as sent, never parsed as a number (`1.000046` stays `1.000046`). */
export const CODE_PATTERN = /^[\p{L}\p{N}._\-/]{1,64}$/u;
export const CODE_RULE = 'must be 1 to 64 letters, digits, dots, dashes, slashes or underscores, sent as a string';

export class ProcedureAttributesDto {
  @ApiProperty({ example: 'Cấp giấy phép xây dựng' })
  @NormalizedText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  @Required()
  name: string;

  @ApiProperty({ enum: LEVELS, example: 'province' })
  @IsIn(LEVELS)
  @Required()
  level: Level;

  @ApiProperty({ description: 'Field (lĩnh vực)', example: 'Xây dựng' })
  @NormalizedText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @Required()
  field: string;

  @ApiProperty({ description: 'Implementing agency', example: 'Sở Xây dựng' })
  @NormalizedText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @Required()
  agency: string;

  @ApiProperty({ description: 'Statutory processing time in working days (half days allowed)', example: 20 })
  @IsHalfDays()
  @Min(0)
  @Max(MAX_DAYS)
  @Required()
  statutoryDays: number;

  @ApiProperty({ description: "The province's announced processing time in working days; at most statutoryDays", example: 15.5 })
  @IsHalfDays()
  @Min(0)
  @Max(MAX_DAYS)
  @Required()
  announcedDays: number;

  @ApiProperty({ enum: ONLINE_LEVELS, example: 'partly' })
  @IsIn(ONLINE_LEVELS)
  @Required()
  onlineLevel: OnlineLevel;

  @ApiProperty({ description: 'Connected to the National Public Service Portal', example: true })
  @IsBoolean()
  @Required()
  connectedToNationalPortal: boolean;

  @ApiPropertyOptional({ description: 'Inter-agency or inter-level procedure (liên thông)', default: false })
  @IsOptional()
  @IsBoolean()
  interLevel?: boolean;
}

export const IsProcedureCode = (): PropertyDecorator =>
  applyDecorators(IsString(), Matches(CODE_PATTERN, { message: ({ property }) => `${property} ${CODE_RULE}` }));

/** Attributes as the domain wants them: every field present. */
export const toAttributes = (dto: ProcedureAttributesDto): ProcedureAttributes => ({
  name: dto.name,
  level: dto.level,
  field: dto.field,
  agency: dto.agency,
  statutoryDays: dto.statutoryDays,
  announcedDays: dto.announcedDays,
  onlineLevel: dto.onlineLevel,
  connectedToNationalPortal: dto.connectedToNationalPortal,
  interLevel: dto.interLevel ?? false,
});
