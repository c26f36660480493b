import { Body, Controller, Get, HttpCode, Param, Post, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CommandContext } from '../core/command-context';
import { Command } from '../core/http/request-context';
import { DecisionView } from './decision/decision.view';
import { OpenCatalogueCommand, OpeningResult } from './open-catalogue/open-catalogue.command';
import { OpenCatalogueRequest } from './open-catalogue/open-catalogue.request.dto';
import { DecisionResult, RecordDecisionCommand } from './record-decision/record-decision.command';
import { RecordDecisionRequest } from './record-decision/record-decision.request.dto';
import { DecisionParams, GetDecisionQuery } from './read/get-decision.query';
import { WRITE_HEADERS, WRITE_RESPONSES, markReplay } from './write-route';

@ApiTags('decisions')
@Controller()
export class DecisionsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('decisions')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record a decision announcing procedures (Quyết định công bố TTHC)',
    description:
      'All items are applied or none. A retry with the same Idempotency-Key returns the first result and writes nothing. ' +
      '`status` is `applied` once every item is in its procedure\'s history; on EventStoreDB a decision is recorded first ' +
      'and reads `applying` until its items are appended (see GET /decisions/{date}/{number}).',
  })
  @WRITE_HEADERS()
  @WRITE_RESPONSES()
  @ApiResponse({ status: 201, description: 'Recorded' })
  async recordDecision(
    @Body() request: RecordDecisionRequest,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<DecisionResult> {
    return markReplay(reply, await this.commands.execute(new RecordDecisionCommand(request, context)));
  }

  @Get('decisions/:date/:number')
  @ApiOperation({ summary: 'A recorded decision and its status: applying, applied or failed' })
  @ApiResponse({ status: 200, description: 'The decision' })
  @ApiResponse({ status: 404, description: 'No such decision' })
  getDecision(@Param() params: DecisionParams): Promise<DecisionView> {
    return this.queries.execute(new GetDecisionQuery(params));
  }

  @Post('catalogue/opening-entries')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Record the catalogue as it stood on a date (opening entries)',
    description: 'Starts the history of procedures the ledger did not see announced; each cites its source. All or none.',
  })
  @WRITE_HEADERS()
  @WRITE_RESPONSES()
  async openCatalogue(
    @Body() request: OpenCatalogueRequest,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OpeningResult> {
    return markReplay(reply, await this.commands.execute(new OpenCatalogueCommand(request, context)));
  }
}
