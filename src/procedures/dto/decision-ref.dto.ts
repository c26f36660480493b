import { ApiProperty } from '@nestjs/swagger';
import { IsNotEmpty, IsString, Matches, MaxLength } from 'class-validator';
import { IsIsoDate, NormalizedText, Required } from '../../core/http/validation-rules';
import { DecisionRef } from '../../core/event-envelope';

export class DecisionRefDto implements DecisionRef {
  @ApiProperty({ description: 'Decision number, starting with its serial number', example: '1234/QĐ-UBND' })
  @NormalizedText()
  @IsString()
  @Matches(/^\d+\S*$/u, { message: 'number must start with the serial number and contain no spaces, e.g. 1234/QĐ-UBND' })
  @MaxLength(100)
  @Required()
  number: string;

  @ApiProperty({ description: 'Signing date', example: '2022-06-01' })
  @IsIsoDate()
  @Required()
  date: string;

  @ApiProperty({ description: 'Issuing body', example: 'UBND tỉnh Bình Phước' })
  @NormalizedText()
  @IsString()
  @IsNotEmpty()
  @MaxLength(300)
  @Required()
  issuer: string;
}
