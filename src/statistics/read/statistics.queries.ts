import { ApiPropertyOptional } from '@nestjs/swagger';
import { IQueryHandler, Query, QueryBus, QueryHandler } from '@nestjs/cqrs';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { NotFoundError } from '../../core/errors/ledger-errors';
import { IsIsoDate, NormalizedText } from '../../core/http/validation-rules';
import { campaignStreamId } from '../campaign';
import { REPORT_KINDS, ReportKind, refOf } from '../report';
import { CampaignListView, CampaignView, toCampaignView } from './campaign.views';
import { FindingLineView, FindingListView, ReportListView, toRecordedReport, toReportView } from './report.views';
import { ReportFilter, StatisticsTimeline } from './statistics-timeline';

export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

export class ReportFilterRequest {
  @ApiPropertyOptional({ description: 'Reports whose figures stand in this year', example: 2022 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(MIN_YEAR) @Max(MAX_YEAR) year?: number;
  @ApiPropertyOptional({ description: 'Standing on or after (YYYY-MM-DD)' }) @IsOptional() @IsIsoDate() from?: string;
  @ApiPropertyOptional({ description: 'Standing on or before (YYYY-MM-DD)' }) @IsOptional() @IsIsoDate() to?: string;
  @ApiPropertyOptional({ description: 'Reporting unit, matched ignoring case and Unicode form', example: 'Bình Phước' })
  @IsOptional() @NormalizedText() @IsString() @MaxLength(300) unit?: string;
}

export class ReportListRequest extends ReportFilterRequest {
  @ApiPropertyOptional({ enum: REPORT_KINDS }) @IsOptional() @IsIn(REPORT_KINDS) kind?: ReportKind;
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Only reports with findings (true), or only those without (false)' }) @IsOptional() @IsIn(['true', 'false']) withFindings?: 'true' | 'false';
}

export class FindingListRequest extends ReportFilterRequest {
  @ApiPropertyOptional({ enum: ['discrepancy', 'rounding'] }) @IsOptional() @IsIn(['discrepancy', 'rounding']) severity?: 'discrepancy' | 'rounding';
}

/** A year and a date range narrow each other: the later start and the earlier end count. */
export function toReportFilter(request: ReportFilterRequest & { kind?: ReportKind }): ReportFilter {
  const starts = [request.from, request.year === undefined ? undefined : `${request.year}-01-01`].filter((d): d is string => d !== undefined).sort();
  const ends = [request.to, request.year === undefined ? undefined : `${request.year}-12-31`].filter((d): d is string => d !== undefined).sort();
  return {
    ...(starts.length && { from: starts.at(-1) }),
    ...(ends.length && { to: ends[0] }),
    ...(request.kind && { kind: request.kind }),
    ...(request.unit && { unit: request.unit }),
  };
}

export class ListReportsQuery extends Query<ReportListView> {
  constructor(readonly request: ReportListRequest) {
    super();
  }
}

export class ListFindingsQuery extends Query<FindingListView> {
  constructor(readonly request: FindingListRequest) {
    super();
  }
}

export class ListCampaignsQuery extends Query<CampaignListView> {
  constructor(readonly asOf?: string) {
    super();
  }
}

export class GetCampaignQuery extends Query<CampaignView> {
  constructor(
    readonly campaignId: string,
    readonly asOf?: string,
  ) {
    super();
  }
}

@QueryHandler(ListReportsQuery)
export class ListReportsHandler implements IQueryHandler<ListReportsQuery, ReportListView> {
  constructor(private readonly timeline: StatisticsTimeline) {}

  async execute({ request }: ListReportsQuery): Promise<ReportListView> {
    const reports = (await this.timeline.reports(toReportFilter(request))).map(toReportView);
    const wanted = request.withFindings === undefined ? reports : reports.filter((r) => (r.findings.length > 0) === (request.withFindings === 'true'));
    return { items: wanted };
  }
}

/** Every finding stored with the reports selected, each naming its report, in the reports' order. */
@QueryHandler(ListFindingsQuery)
export class ListFindingsHandler implements IQueryHandler<ListFindingsQuery, FindingListView> {
  constructor(private readonly timeline: StatisticsTimeline) {}

  async execute({ request }: ListFindingsQuery): Promise<FindingListView> {
    const items: FindingLineView[] = (await this.timeline.reports(toReportFilter(request)))
      .map(toRecordedReport)
      .flatMap((report) => report.data.findings.map((found) => ({ ...found, report: refOf(report) })))
      .filter((found) => !request.severity || found.severity === request.severity);
    return {
      discrepancies: items.filter((f) => f.severity === 'discrepancy').length,
      roundings: items.filter((f) => f.severity === 'rounding').length,
      items,
    };
  }
}

@QueryHandler(ListCampaignsQuery)
export class ListCampaignsHandler implements IQueryHandler<ListCampaignsQuery, CampaignListView> {
  constructor(private readonly timeline: StatisticsTimeline) {}

  async execute({ asOf }: ListCampaignsQuery): Promise<CampaignListView> {
    return { items: (await this.timeline.campaigns(asOf)).map(toCampaignView).filter((c): c is CampaignView => c !== undefined) };
  }
}

@QueryHandler(GetCampaignQuery)
export class GetCampaignHandler implements IQueryHandler<GetCampaignQuery, CampaignView> {
  constructor(private readonly queries: QueryBus) {}

  async execute({ campaignId, asOf }: GetCampaignQuery): Promise<CampaignView> {
    const { items } = await this.queries.execute(new ListCampaignsQuery(asOf));
    const campaign = items.find((c) => c.campaignId === campaignId);
    if (!campaign) {
      throw new NotFoundError('CAMPAIGN.NOT_FOUND', `no campaign ${campaignId}${asOf ? ` as of ${asOf}` : ''}`, `không tìm thấy chiến dịch ${campaignId}`, [
        { field: 'campaignId', rule: 'CAMPAIGN.NOT_FOUND', message: `no campaign ${campaignStreamId(campaignId)}` },
      ]);
    }
    return campaign;
  }
}
