import { applyDecorators, Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CommandContext } from '../core/command-context';
import { Command } from '../core/http/request-context';
import { markReplay, WRITE_HEADERS, WRITE_RESPONSES } from '../procedures/write-route';
import { FindingListView, ReportListView, ReportResult } from './read/report.views';
import { FindingListRequest, ListFindingsQuery, ListReportsQuery, ReportListRequest } from './read/statistics.queries';
import { RecordReportCommand } from './record-report/record-report.command';
import {
  RecordAmountsRequest,
  RecordCatalogueCountsRequest,
  RecordDossierStatisticsRequest,
  RecordIndexScoreRequest,
  RecordOnlineServicesRequest,
  RecordProcessingTimesRequest,
} from './record-report/record-report.requests';
import { ReportKind } from './report';

/** What every report route shares: 201 with the report and its findings, the write headers and errors. */
const ReportRoute = (summary: string) =>
  applyDecorators(
    HttpCode(201),
    ApiOperation({
      summary,
      description:
        'Figures are recorded as the source states them. Every checkable figure is checked; what does not add up is recorded with the report ' +
        'as `findings`, never refused or corrected. The same period from the same source twice is 409.',
    }),
    WRITE_HEADERS(),
    WRITE_RESPONSES(),
    ApiResponse({ status: 201, type: ReportResult }),
  );

@ApiTags('statistics')
@Controller('statistics')
export class StatisticsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  private async record(kind: ReportKind, request: object, context: CommandContext, reply: FastifyReply): Promise<ReportResult> {
    return markReplay(reply, await this.commands.execute(new RecordReportCommand(kind, request as RecordDossierStatisticsRequest, context)));
  }

  @Post('dossiers')
  @ReportRoute('Record dossier statistics of a period: received (new, carried over), resolved (on time, late), pending (overdue)')
  dossiers(@Body() request: RecordDossierStatisticsRequest, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportResult> {
    return this.record('dossiers', request, context, reply);
  }

  @Post('online-services')
  @ReportRoute('Record online-service figures: services by online level, connected to the national portal, with dossiers, processed online, digitised')
  onlineServices(@Body() request: RecordOnlineServicesRequest, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportResult> {
    return this.record('online-services', request, context, reply);
  }

  @Post('index-scores')
  @ReportRoute('Record an index score (PAR INDEX, SIPAS, PAPI, Decision-766 index): score, rank of how many, groups, rating bands, stated change')
  indexScores(@Body() request: RecordIndexScoreRequest, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportResult> {
    return this.record('index-scores', request, context, reply);
  }

  @Post('payments')
  @ReportRoute('Record online payments: transactions and amounts, with their parts')
  payments(@Body() request: RecordAmountsRequest, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportResult> {
    return this.record('payments', request, context, reply);
  }

  @Post('savings')
  @ReportRoute('Record savings reported from digital administration: the amount and its parts')
  savings(@Body() request: RecordAmountsRequest, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportResult> {
    return this.record('savings', request, context, reply);
  }

  @Post('catalogue-counts')
  @ReportRoute('Record catalogue counts published without the procedures: by level, vertical sectors, inter-level, at the service centre, decisions')
  catalogueCounts(@Body() request: RecordCatalogueCountsRequest, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportResult> {
    return this.record('catalogue-counts', request, context, reply);
  }

  @Post('processing-times')
  @ReportRoute('Record processing-time totals published without the procedures: statutory days, announced days, days and share cut')
  processingTimes(@Body() request: RecordProcessingTimesRequest, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReportResult> {
    return this.record('processing-times', request, context, reply);
  }

  @Get('reports')
  @ApiOperation({ summary: 'Reports recorded, by year or dates they stand, kind and unit, each with its findings, in a stable order' })
  @ApiResponse({ status: 200, type: ReportListView })
  reports(@Query() request: ReportListRequest): Promise<ReportListView> {
    return this.queries.execute(new ListReportsQuery(request));
  }

  @Get('findings')
  @ApiOperation({ summary: 'What the consistency checks found in the reports selected, each naming its report and source' })
  @ApiResponse({ status: 200, type: FindingListView })
  findings(@Query() request: FindingListRequest): Promise<FindingListView> {
    return this.queries.execute(new ListFindingsQuery(request));
  }
}
