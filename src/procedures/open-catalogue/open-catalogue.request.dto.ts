import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNotEmpty, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsIsoDate, Required } from '../../core/http/validation-rules';
import { IsProcedureCode, ProcedureAttributesDto } from '../dto/procedure-attributes.dto';

export const MAX_OPENING_ENTRIES = 5000;

export class OpeningEntryDto {
  @ApiProperty({ example: '1.000046' })
  @IsProcedureCode()
  @Required()
  code: string;

  @ApiProperty({ type: ProcedureAttributesDto })
  @ValidateNested()
  @Type(() => ProcedureAttributesDto)
  @Required()
  procedure: ProcedureAttributesDto;
}

/** The catalogue as it stood on a date, recorded before the ledger records changes to it. */
export class OpenCatalogueRequest {
  @ApiProperty({ description: 'The date the catalogue stood like this', example: '2021-12-31' })
  @IsIsoDate()
  @Required()
  asOf: string;

  @ApiProperty({ description: 'Where this catalogue comes from (required: opening entries are not decisions)', example: '002_90c0e404548d7a3f.txt' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  @Required()
  source: string;

  @ApiProperty({ type: [OpeningEntryDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_OPENING_ENTRIES)
  @ValidateNested({ each: true })
  @Type(() => OpeningEntryDto)
  @Required()
  procedures: OpeningEntryDto[];
}
