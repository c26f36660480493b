import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';
import { IsIsoDate, Required } from '../../core/http/validation-rules';
import { DecisionRefDto } from '../../procedures/dto/decision-ref.dto';
import { ReorganisationFacts } from '../unit.commands';

/** What every organisation write states: the decision that orders it and when it takes effect. */
export class ReorganisationFactsDto {
  @ApiProperty({ type: DecisionRefDto, description: 'The decision ordering the change' })
  @ValidateNested()
  @Type(() => DecisionRefDto)
  @Required()
  decision: DecisionRefDto;

  @ApiPropertyOptional({ description: 'When the change takes effect; defaults to the decision date', example: '2025-07-01' })
  @IsOptional()
  @IsIsoDate()
  effectiveDate?: string;

  @ApiPropertyOptional({ description: 'Where the facts come from, e.g. a report file name' })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(500)
  source?: string;
}

export const factsOf = (dto: ReorganisationFactsDto): ReorganisationFacts => ({
  decision: { number: dto.decision.number, date: dto.decision.date, issuer: dto.decision.issuer },
  effectiveDate: dto.effectiveDate ?? dto.decision.date,
});
