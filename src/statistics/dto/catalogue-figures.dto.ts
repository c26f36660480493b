import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';
import { Required } from '../../core/http/validation-rules';
import { Level, LEVELS } from '../../procedures/procedure';
import { CatalogueFigures, CountOf, LevelCounts } from '../figures';
import { MAX_COUNT, OptionalCount, OptionalNested, OptionalPercent } from './figure-fields';

export class LevelCountsDto implements LevelCounts {
  @OptionalCount('Ministry level') ministry?: number;
  @OptionalCount('Province level') province?: number;
  @OptionalCount('District level') district?: number;
  @OptionalCount('Commune level') commune?: number;
}

export class CountOfDto implements CountOf {
  @ApiProperty() @IsInt() @Min(0) @Max(MAX_COUNT) @Required() count: number;
  @OptionalCount('Out of how many') of?: number;
  @OptionalPercent('count as a share of of') percent?: number;
}

export class AgenciesDto {
  @ApiProperty({ example: 20 }) @IsInt() @Min(0) @Max(MAX_COUNT) @Required() count: number;
  @OptionalCount('Agencies with all their procedures at the service centre') allAtServiceCentre?: number;
}

export class OneStopDesksDto {
  @ApiProperty({ enum: LEVELS }) @IsIn(LEVELS) @Required() level: Level;
  @ApiProperty() @IsInt() @Min(0) @Max(MAX_COUNT) @Required() count: number;
  @OptionalCount('Out of how many') of?: number;
}

export class AnnouncementsDto {
  @ApiProperty({ description: 'Decisions announcing procedures' }) @IsInt() @Min(0) @Max(MAX_COUNT) @Required() decisions: number;
  @OptionalCount('New procedures') new?: number;
  @OptionalCount('Amended procedures') amended?: number;
  @OptionalCount('Replaced procedures') replaced?: number;
  @OptionalCount('Abolished procedures') abolished?: number;
  @OptionalCount('Inter-level procedures') interLevel?: number;
}

export class CatalogueFiguresDto implements CatalogueFigures {
  @OptionalCount('Procedures in force') procedures?: number;
  @OptionalNested(() => LevelCountsDto, 'Procedures by level') byLevel?: LevelCountsDto;
  @OptionalNested(() => LevelCountsDto, 'Procedures of vertically managed sectors (ngành dọc), by level') verticalSectorByLevel?: LevelCountsDto;
  @OptionalCount('Inter-level procedures (liên thông)') interLevel?: number;
  @OptionalCount('Fields (lĩnh vực)') fields?: number;
  @OptionalNested(() => CountOfDto, 'Procedures received at the service centre') atServiceCentre?: CountOfDto;
  @OptionalNested(() => CountOfDto, 'Procedures handled "4 tại chỗ"') fourOnTheSpot?: CountOfDto;
  @OptionalNested(() => CountOfDto, 'Procedures published on the national database') publishedNationally?: CountOfDto;
  @OptionalNested(() => AgenciesDto, 'Specialised agencies (sở, ban, ngành) the counts cover, and those with all their procedures at the service centre') agencies?: AgenciesDto;

  @ApiPropertyOptional({ type: [OneStopDesksDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => OneStopDesksDto)
  oneStopDesks?: OneStopDesksDto[];

  @OptionalNested(() => AnnouncementsDto, 'Decisions announcing procedures and the changes they carried') announcements?: AnnouncementsDto;
}
