import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsIsoDate, NormalizedText, Required } from '../../core/http/validation-rules';
import { DecisionRefDto } from '../dto/decision-ref.dto';
import { IsProcedureCode, ProcedureAttributesDto } from '../dto/procedure-attributes.dto';
import { ITEM_KINDS, ItemKind } from '../decision/decision';

/** Enough for the largest announcing decisions seen (hundreds of items) with room to spare. */
export const MAX_DECISION_ITEMS = 5000;

export class DecisionItemDto {
  @ApiProperty({ enum: ITEM_KINDS, description: 'new / amended / replaced / abolished (mới / sửa đổi, bổ sung / thay thế / bãi bỏ)' })
  @IsIn(ITEM_KINDS)
  @Required()
  kind: ItemKind;

  @ApiProperty({ description: 'Procedure code, a string', example: '1.000046' })
  @IsProcedureCode()
  @Required()
  code: string;

  @ApiPropertyOptional({ description: 'For kind "replaced": the code of the procedure this one replaces' })
  @ValidateIf((item: DecisionItemDto) => item.kind === 'replaced' || item.replacesCode !== undefined)
  @IsProcedureCode()
  @Required()
  replacesCode?: string;

  @ApiPropertyOptional({ type: ProcedureAttributesDto, description: 'The procedure as announced; required except for "abolished"' })
  @ValidateIf((item: DecisionItemDto) => item.kind !== 'abolished' || item.procedure !== undefined)
  @ValidateNested()
  @Type(() => ProcedureAttributesDto)
  @Required()
  procedure?: ProcedureAttributesDto;

  @ApiPropertyOptional({ description: 'Revision the existing procedure (code, or replacesCode) must be at; 409 otherwise' })
  @IsOptional()
  @IsInt()
  @Min(0)
  expectedRevision?: number;
}

export class RecordDecisionRequest {
  @ApiProperty({ type: DecisionRefDto })
  @ValidateNested()
  @Type(() => DecisionRefDto)
  @Required()
  decision: DecisionRefDto;

  @ApiPropertyOptional({ example: 'Công bố danh mục TTHC sửa đổi, bổ sung lĩnh vực đất đai' })
  @IsOptional()
  @NormalizedText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(1000)
  title?: string;

  @ApiPropertyOptional({ description: 'When the changes take effect; defaults to the signing date', example: '2022-06-15' })
  @IsOptional()
  @IsIsoDate()
  effectiveDate?: string;

  @ApiPropertyOptional({ description: 'Where the facts come from, e.g. a report file name' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source?: string;

  @ApiProperty({ type: [DecisionItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_DECISION_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => DecisionItemDto)
  @Required()
  items: DecisionItemDto[];
}
