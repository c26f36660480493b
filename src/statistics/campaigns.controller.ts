import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CommandContext } from '../core/command-context';
import { Command } from '../core/http/request-context';
import { AsOfRequest } from '../organisation/read/read.requests';
import { markReplay, WRITE_HEADERS, WRITE_RESPONSES } from '../procedures/write-route';
import { CampaignResultsRequest, LaunchCampaignRequest } from './dto/campaign.dto';
import { CampaignListView, CampaignResult, CampaignView } from './read/campaign.views';
import { GetCampaignQuery, ListCampaignsQuery } from './read/statistics.queries';
import { LaunchCampaignCommand, ReportCampaignResultsCommand } from './record-campaign/campaign.commands';

@ApiTags('campaigns')
@Controller('campaigns')
export class CampaignsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a campaign launched under a plan, with its period and targets' })
  @WRITE_HEADERS()
  @WRITE_RESPONSES()
  @ApiResponse({ status: 201, type: CampaignResult })
  async launch(@Body() request: LaunchCampaignRequest, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<CampaignResult> {
    return markReplay(reply, await this.commands.execute(new LaunchCampaignCommand(request, context)));
  }

  @Post(':campaignId/results')
  @HttpCode(201)
  @ApiOperation({ summary: "Record a campaign's results as of a date, against its targets" })
  @WRITE_HEADERS()
  @WRITE_RESPONSES()
  @ApiResponse({ status: 201, type: CampaignResult })
  @ApiResponse({ status: 404, description: 'No such campaign' })
  async results(
    @Param('campaignId') campaignId: string,
    @Body() request: CampaignResultsRequest,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CampaignResult> {
    return markReplay(reply, await this.commands.execute(new ReportCampaignResultsCommand(campaignId, request, context)));
  }

  @Get()
  @ApiOperation({ summary: 'Campaigns with their targets and the latest result for each, as of a date' })
  @ApiResponse({ status: 200, type: CampaignListView })
  list(@Query() { asOf }: AsOfRequest): Promise<CampaignListView> {
    return this.queries.execute(new ListCampaignsQuery(asOf));
  }

  @Get(':campaignId')
  @ApiOperation({ summary: 'A campaign with its targets, the latest result for each and whether it is met, as of a date' })
  @ApiResponse({ status: 200, type: CampaignView })
  @ApiResponse({ status: 404, description: 'No such campaign (at that date)' })
  get(@Param('campaignId') campaignId: string, @Query() { asOf }: AsOfRequest): Promise<CampaignView> {
    return this.queries.execute(new GetCampaignQuery(campaignId, asOf));
  }
}
