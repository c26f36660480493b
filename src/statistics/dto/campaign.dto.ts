import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsNumber, IsOptional, Matches, Max, Min, ValidateNested } from 'class-validator';
import { IsIsoDate, Required } from '../../core/http/validation-rules';
import { DecisionRefDto } from '../../procedures/dto/decision-ref.dto';
import { CampaignResult, CampaignResultPart, CampaignTarget, Comparison, COMPARISONS, TARGET_UNITS, TargetUnit } from '../campaign';
import { MAX_COUNT, Text } from './figure-fields';

const KEY = /^[a-z][a-z0-9_]{0,60}$/;
const KEY_RULE = { message: ({ property }: { property: string }) => `${property} must be lower-case letters, digits and underscores, starting with a letter` };
const FiniteNumber = () => IsNumber({ allowNaN: false, allowInfinity: false });

export class CampaignTargetDto implements CampaignTarget {
  @ApiProperty({ example: 'online_processing' }) @Matches(KEY, KEY_RULE) @Required() key: string;
  @ApiProperty({ example: 'Tỷ lệ hồ sơ TTHC xử lý trực tuyến đạt 50%' }) @Text(500) @Required() label: string;
  @ApiProperty({ example: 50 }) @FiniteNumber() @Min(0) @Max(MAX_COUNT) @Required() value: number;
  @ApiProperty({ enum: COMPARISONS, description: 'at_least: reach the value; at_most: stay at or below it' }) @IsIn(COMPARISONS) @Required() comparison: Comparison;
  @ApiProperty({ enum: TARGET_UNITS }) @IsIn(TARGET_UNITS) @Required() unit: TargetUnit;
}

export class CampaignPeriodDto {
  @ApiProperty({ example: '2022-06-01' }) @IsIsoDate() @Required() from: string;
  @ApiProperty({ example: '2022-08-31' }) @IsIsoDate() @Required() to: string;
}

export class LaunchCampaignRequest {
  @ApiProperty({ description: 'Chosen by the caller: lower-case letters, digits and dashes', example: 'chien-dich-92-ngay-dem-2022' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,99}$/, { message: 'campaignId must be lower-case letters, digits and dashes' })
  @Required()
  campaignId: string;

  @ApiProperty({ example: 'Chiến dịch cao điểm 92 ngày đêm' }) @Text(500) @Required() name: string;
  @ApiProperty({ example: 'Bình Phước' }) @Text(300) @Required() unit: string;
  @ApiProperty({ type: DecisionRefDto, description: 'The plan launching it, e.g. 170/KH-UBND' }) @ValidateNested() @Type(() => DecisionRefDto) @Required() plan: DecisionRefDto;
  @ApiProperty({ type: CampaignPeriodDto }) @ValidateNested() @Type(() => CampaignPeriodDto) @Required() period: CampaignPeriodDto;
  @ApiPropertyOptional({ description: 'When the targets are due, if not the end of the period', example: '2022-09-02' }) @IsOptional() @IsIsoDate() deadline?: string;
  @ApiProperty({ description: 'Where the plan is reported', example: '002_90c0e404548d7a3f.txt' }) @Text(500) @Required() source: string;

  @ApiProperty({ type: [CampaignTargetDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CampaignTargetDto)
  @Required()
  targets: CampaignTargetDto[];
}

export class CampaignResultPartDto implements CampaignResultPart {
  @ApiProperty({ example: 'Cấp tỉnh' }) @Text(300) @Required() label: string;
  @ApiProperty({ example: 99.93 }) @FiniteNumber() @Min(0) @Max(MAX_COUNT) @Required() value: number;
  @ApiPropertyOptional({ example: 82.89 }) @IsOptional() @FiniteNumber() @Min(0) @Max(MAX_COUNT) baseline?: number;
}

export class CampaignResultDto implements CampaignResult {
  @ApiProperty({ description: 'The key of the target it answers', example: 'online_processing' }) @Matches(KEY, KEY_RULE) @Required() key: string;
  @ApiProperty({ example: 96.9 }) @FiniteNumber() @Min(0) @Max(MAX_COUNT) @Required() value: number;
  @ApiPropertyOptional({ description: 'Where it stood when the campaign began', example: 21.6 }) @IsOptional() @FiniteNumber() @Min(0) @Max(MAX_COUNT) baseline?: number;

  @ApiPropertyOptional({ type: [CampaignResultPartDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CampaignResultPartDto)
  breakdown?: CampaignResultPartDto[];
}

export class CampaignResultsRequest {
  @ApiProperty({ description: 'The date the results stand', example: '2022-07-29' }) @IsIsoDate() @Required() asOf: string;
  @ApiProperty({ description: 'The period the results cover, as the report names it', example: '01/6/2022–29/7/2022' }) @Text(200) @Required() label: string;
  @ApiProperty({ example: '003_defbe2f292ec2941.txt' }) @Text(500) @Required() source: string;
  @ApiPropertyOptional() @IsOptional() @Text(2000) note?: string;

  @ApiProperty({ type: [CampaignResultDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CampaignResultDto)
  @Required()
  results: CampaignResultDto[];
}
