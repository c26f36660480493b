import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsNumber, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { Required } from '../../core/http/validation-rules';
import { IndexGroup, IndexName, INDICES, IndexScoreFigures, RatingCounts } from '../figures';
import { MAX_COUNT, MAX_SCORE, OptionalCount, OptionalNested, OptionalScore, Text } from './figure-fields';
import { RankDto } from './online-service-figures.dto';

export class RatingCountsDto implements RatingCounts {
  @ApiProperty({ description: 'Units rated', example: 31 }) @IsInt() @Min(1) @Max(MAX_COUNT) @Required() ofUnits: number;
  @OptionalCount('Rated good (tốt)') good?: number;
  @OptionalCount('Rated fair (khá)') fair?: number;
  @OptionalCount('Rated average (trung bình)') average?: number;
  @OptionalCount('Rated weak (yếu)') weak?: number;
}

export class IndexGroupDto implements IndexGroup {
  @ApiProperty({ description: 'Component key; for Decision 766: transparency, progress, online_services, online_payment, satisfaction, digitisation', example: 'transparency' })
  @Matches(/^[a-z][a-z0-9_]{0,60}$/, { message: 'key must be lower-case letters, digits and underscores, starting with a letter' })
  @Required()
  key: string;

  @ApiProperty({ example: 'Công khai, minh bạch' }) @Text(300) @Required() label: string;
  @OptionalScore('Points or percentage scored') score?: number;
  @OptionalScore('Most points the component gives') maxScore?: number;
  @OptionalNested(() => RankDto, 'Rank on this component') rank?: RankDto;
}

export class IndexScoreFiguresDto implements IndexScoreFigures {
  @ApiProperty({ enum: INDICES, description: 'PAR_INDEX, SIPAS, PAPI, or SERVICE_INDEX_766 (Decision 766/QĐ-TTg)' })
  @IsIn(INDICES)
  @Required()
  index: IndexName;

  @OptionalScore('Score (points or percent)') score?: number;
  @OptionalScore('Most points the index gives') maxScore?: number;
  @OptionalNested(() => RankDto, 'Rank among provinces or units') rank?: RankDto;
  @OptionalScore('The previous score, where stated beside this one') previousScore?: number;

  @ApiPropertyOptional({ description: 'The change from the previous score as the source states it (may be negative)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-MAX_SCORE)
  @Max(MAX_SCORE)
  statedChange?: number;

  @OptionalNested(() => RatingCountsDto, 'Units by rating band') ratings?: RatingCountsDto;

  @ApiPropertyOptional({ type: [IndexGroupDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => IndexGroupDto)
  groups?: IndexGroupDto[];
}
