import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsNotEmpty, IsNumber, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { IsHalfDays, NormalizedText } from '../../core/http/validation-rules';

/** No province handles anywhere near a billion dossiers in a period; a larger count is a typo. */
export const MAX_COUNT = 1_000_000_000;
/** Working days summed over a whole catalogue: thousands of procedures of up to years each. */
export const MAX_TOTAL_DAYS = 10_000_000;
/** In billions of đồng: a thousand trillion đồng is beyond any provincial figure. */
export const MAX_AMOUNT = 1_000_000;
export const MAX_SCORE = 1000;

/** The kinds of figure a report states; each optional, each with the rule it must keep. */
export const OptionalCount = (description: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ description, type: 'integer' }), IsOptional(), IsInt(), Min(0), Max(MAX_COUNT));

export const OptionalPercent = (description: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ description: `${description}, in percent (0–100), as stated` }), IsOptional(), IsNumber({ allowNaN: false, allowInfinity: false }), Min(0), Max(100));

export const OptionalAmount = (description: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ description: `${description}, in billions of đồng (tỷ đồng)` }), IsOptional(), IsNumber({ allowNaN: false, allowInfinity: false }), Min(0), Max(MAX_AMOUNT));

export const OptionalScore = (description: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ description }), IsOptional(), IsNumber({ allowNaN: false, allowInfinity: false }), Min(0), Max(MAX_SCORE));

export const OptionalDays = (description: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ description: `${description}, in working days (half days allowed)` }), IsOptional(), IsHalfDays(), Min(0), Max(MAX_TOTAL_DAYS));

export const OptionalFlag = (description: string): PropertyDecorator => applyDecorators(ApiPropertyOptional({ description }), IsOptional(), IsBoolean());

// OpenAPI is given the class itself: an anonymous thunk would be taken for a class without a name.
export const OptionalNested = (type: () => new () => object, description: string): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ type: type(), description }), IsOptional(), ValidateNested(), Type(type));

/** Free text in Vietnamese: one Unicode form, trimmed, not empty. */
export const Text = (max: number): PropertyDecorator => applyDecorators(NormalizedText(), IsString(), IsNotEmpty(), MaxLength(max));
