import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsOptional, ValidateNested } from 'class-validator';
import { IsIsoDate, Required } from '../../core/http/validation-rules';
import { AmountFigures, AmountPart } from '../figures';
import { OptionalAmount, OptionalCount, Text } from './figure-fields';

export class AmountPartDto implements AmountPart {
  @ApiProperty({ example: 'Phí, lệ phí' }) @Text(300) @Required() label: string;
  @OptionalCount('Transactions') transactions?: number;
  @OptionalAmount('Amount') amountBillionVnd?: number;
}

export class AmountFiguresDto implements AmountFigures {
  @ApiPropertyOptional({ description: 'Counting starts on this date, where not at the start of the period', example: '2020-12-15' })
  @IsOptional()
  @IsIsoDate()
  since?: string;

  @OptionalCount('Transactions in all') transactions?: number;
  @OptionalAmount('Amount in all') amountBillionVnd?: number;

  @ApiPropertyOptional({ type: [AmountPartDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => AmountPartDto)
  parts?: AmountPartDto[];
}
