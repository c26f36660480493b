import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Required } from '../../core/http/validation-rules';
import { OnlineServiceFigures, Rank } from '../figures';
import { MAX_COUNT, OptionalCount, OptionalNested, OptionalPercent } from './figure-fields';

export class RankDto implements Rank {
  @ApiProperty({ example: 1 }) @IsInt() @Min(1) @Max(MAX_COUNT) @Required() rank: number;
  @ApiProperty({ example: 63, description: 'Out of how many' }) @IsInt() @Min(1) @Max(MAX_COUNT) @Required() of: number;
}

export class OnlineServiceFiguresDto implements OnlineServiceFigures {
  @OptionalCount('Every public service provided') servicesTotal?: number;
  @OptionalCount('Fully online (toàn trình)') fullyOnline?: number;
  @OptionalCount('Partly online (một phần)') partlyOnline?: number;
  @OptionalCount('Online in all (before Decree 42/2022: levels 3 and 4)') onlineTotal?: number;
  @OptionalPercent('Online services as a share of all services') onlinePercent?: number;
  @OptionalCount('Connected to the National Public Service Portal') connectedToPortal?: number;
  @OptionalPercent('Connected services as a share of the online services (of all services where no online count is given)') connectedPercent?: number;
  @OptionalNested(() => RankDto, "The province's rank on the national portal") portalRank?: RankDto;
  @OptionalCount('Online services that received dossiers') servicesWithDossiers?: number;
  @OptionalPercent('Online services that received dossiers, as a share of the online services') servicesWithDossiersPercent?: number;
  @OptionalPercent('Dossiers processed online') processedOnlinePercent?: number;
  @OptionalPercent('Dossiers received electronically') receivedOnlinePercent?: number;
  @OptionalPercent('Dossiers and results digitised') digitisationPercent?: number;
}
