import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CommandContext } from '../core/command-context';
import { Command } from '../core/http/request-context';
import { CutProcessingTimeCommand, CutResult } from './cut-processing-time/cut-processing-time.command';
import { CutProcessingTimeRequest } from './cut-processing-time/cut-processing-time.request.dto';
import { GetProcedureHistoryQuery, GetProcedureQuery } from './read/get-procedure.query';
import { ListProceduresQuery, ListProceduresRequest } from './read/list-procedures.query';
import { ProcedureHistoryView, ProcedureListView, ProcedureView } from './read/procedure.views';
import { markReplay, WRITE_HEADERS, WRITE_RESPONSES } from './write-route';

@ApiTags('procedures')
@Controller('procedures')
export class ProceduresController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List procedures, filtered by level, field, status and agency, in code order' })
  @ApiResponse({ status: 200, type: ProcedureListView })
  list(@Query() filter: ListProceduresRequest): Promise<ProcedureListView> {
    return this.queries.execute(new ListProceduresQuery(filter));
  }

  @Get(':code')
  @ApiOperation({ summary: "A procedure's current state" })
  @ApiResponse({ status: 200, type: ProcedureView })
  @ApiResponse({ status: 404, description: 'No such procedure' })
  get(@Param('code') code: string): Promise<ProcedureView> {
    return this.queries.execute(new GetProcedureQuery(code));
  }

  @Get(':code/history')
  @ApiOperation({ summary: "A procedure's full history: every event in order, with actor, dates and decision" })
  @ApiResponse({ status: 200, type: ProcedureHistoryView })
  @ApiResponse({ status: 404, description: 'No such procedure' })
  history(@Param('code') code: string): Promise<ProcedureHistoryView> {
    return this.queries.execute(new GetProcedureHistoryQuery(code));
  }

  @Post(':code/cuts')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record a processing-time cut (from N to M days, under a decision, effective on a date)' })
  @WRITE_HEADERS()
  @WRITE_RESPONSES()
  @ApiResponse({ status: 404, description: 'No such procedure' })
  async cut(
    @Param('code') code: string,
    @Body() request: CutProcessingTimeRequest,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CutResult> {
    return markReplay(reply, await this.commands.execute(new CutProcessingTimeCommand(code, request, context)));
  }
}
