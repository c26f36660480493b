import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DecisionRef, RecordedEvent } from '../../core/event-envelope';
import { DecisionRefView } from '../../organisation/reorganisation.result';
import { CampaignLaunched, CampaignResultsReported, COMPARISONS, Comparison, TARGET_UNITS, TargetUnit, targetMet } from '../campaign';
import { CampaignPeriodDto, CampaignResultPartDto } from '../dto/campaign.dto';

export class CampaignTargetView {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty() value: number;
  @ApiProperty({ enum: COMPARISONS }) comparison: Comparison;
  @ApiProperty({ enum: TARGET_UNITS }) unit: TargetUnit;
  @ApiPropertyOptional({ description: 'The latest result reported for it, if any' }) result?: number;
  @ApiPropertyOptional() baseline?: number;
  @ApiPropertyOptional({ type: [CampaignResultPartDto] }) breakdown?: CampaignResultPartDto[];
  @ApiPropertyOptional({ description: 'Date of that result' }) resultAsOf?: string;
  @ApiPropertyOptional({ description: 'Source of that result' }) resultSource?: string;
  @ApiPropertyOptional({ description: 'Whether the result reaches the target; absent without a result' }) met?: boolean;
}

export class CampaignView {
  @ApiProperty() campaignId: string;
  @ApiProperty() name: string;
  @ApiProperty() unit: string;
  @ApiProperty({ type: DecisionRefView }) plan: DecisionRef;
  @ApiProperty({ type: CampaignPeriodDto }) period: CampaignPeriodDto;
  @ApiPropertyOptional() deadline?: string;
  @ApiPropertyOptional({ description: 'Where the plan is reported' }) source?: string;
  @ApiProperty({ type: [CampaignTargetView] }) targets: CampaignTargetView[];
  @ApiProperty({ description: 'Results reports folded, in order' }) reports: number;
}

export class CampaignListView {
  @ApiProperty({ type: [CampaignView] }) items: CampaignView[];
}

export class CampaignResult {
  @ApiProperty() streamId: string;
  @ApiProperty() type: string;
  @ApiProperty() effectiveDate: string;
  @ApiProperty() position: number;
  @ApiProperty({ type: Object }) data: object;
  @ApiProperty() replayed: boolean;
}

/** A campaign's targets, each with the latest result reported for it, folded from its stream in log order. */
export function toCampaignView(events: readonly RecordedEvent[]): CampaignView | undefined {
  const launch = events.find((e) => e.type === 'CampaignLaunched');
  if (!launch) return undefined;
  const launched = (launch as unknown as CampaignLaunched).data;
  const latest = new Map<string, { value: number; baseline?: number; breakdown?: CampaignResultPartDto[]; asOf: string; source?: string }>();
  const reports = events.filter((e) => e.type === 'CampaignResultsReported');
  // Latest by the date the results stand, then by the order recorded.
  const ordered = [...reports].sort((a, b) => (a.metadata.effectiveDate < b.metadata.effectiveDate ? -1 : a.metadata.effectiveDate > b.metadata.effectiveDate ? 1 : a.position - b.position));
  for (const event of ordered) {
    for (const result of (event as unknown as CampaignResultsReported).data.results) {
      latest.set(result.key, {
        value: result.value,
        ...(result.baseline !== undefined && { baseline: result.baseline }),
        ...(result.breakdown && { breakdown: [...result.breakdown] }),
        asOf: event.metadata.effectiveDate,
        ...(event.metadata.source && { source: event.metadata.source }),
      });
    }
  }
  return {
    campaignId: launched.campaignId,
    name: launched.name,
    unit: launched.unit,
    plan: launched.plan,
    period: launched.period,
    ...(launched.deadline && { deadline: launched.deadline }),
    ...(launch.metadata.source && { source: launch.metadata.source }),
    targets: launched.targets.map((target) => {
      const result = latest.get(target.key);
      return {
        ...target,
        ...(result && {
          result: result.value,
          ...(result.baseline !== undefined && { baseline: result.baseline }),
          ...(result.breakdown && { breakdown: result.breakdown }),
          resultAsOf: result.asOf,
          ...(result.source && { resultSource: result.source }),
          met: targetMet(target, result.value),
        }),
      };
    }),
    reports: reports.length,
  };
}
