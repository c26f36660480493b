import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CommandContext } from '../core/command-context';
import { Command } from '../core/http/request-context';
import { TimeFilterRequest, toTimeFilter } from '../core/http/time-filter.request';
import { CorrectEventCommand, CorrectionResult } from './correct-event/correct-event.command';
import { CorrectEventRequest } from './correct-event/correct-event.request.dto';
import { CutProcessingTimeCommand, CutResult } from './cut-processing-time/cut-processing-time.command';
import { CutProcessingTimeRequest } from './cut-processing-time/cut-processing-time.request.dto';
import { GetProcedureHistoryQuery, GetProcedureQuery } from './read/get-procedure.query';
import { ListProceduresQuery, ListProceduresRequest } from './read/list-procedures.query';
import { ProcedureChangesQuery, ProcedureChangesRequest, ProcedureChangesView } from './read/procedure-changes.query';
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
  @ApiOperation({ summary: 'List procedures, filtered by level, field, status and agency, in code order; now, or as of a date / as known at a moment' })
  @ApiResponse({ status: 200, type: ProcedureListView })
  list(@Query() filter: ListProceduresRequest): Promise<ProcedureListView> {
    return this.queries.execute(new ListProceduresQuery(filter));
  }

  @Get('changes')
  @ApiOperation({ summary: 'What changed in the catalogue between two effective dates, and under which decisions' })
  @ApiResponse({ status: 200, type: ProcedureChangesView })
  changes(@Query() request: ProcedureChangesRequest): Promise<ProcedureChangesView> {
    return this.queries.execute(new ProcedureChangesQuery(request));
  }

  @Get(':code')
  @ApiOperation({ summary: "A procedure's current state, or its state as of a date / as known at a moment" })
  @ApiResponse({ status: 200, type: ProcedureView })
  @ApiResponse({ status: 404, description: 'No such procedure (at that time)' })
  get(@Param('code') code: string, @Query() time: TimeFilterRequest): Promise<ProcedureView> {
    return this.queries.execute(new GetProcedureQuery(code, toTimeFilter(time)));
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

  @Post(':code/corrections')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Correct a recorded figure of a procedure by a new event that names the event it corrects and why',
    description: 'History keeps both; state uses the correction; "as known at" a moment before it shows the original.',
  })
  @WRITE_HEADERS()
  @WRITE_RESPONSES()
  @ApiResponse({ status: 404, description: 'No such procedure' })
  async correct(
    @Param('code') code: string,
    @Body() request: CorrectEventRequest,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<CorrectionResult> {
    return markReplay(reply, await this.commands.execute(new CorrectEventCommand(code, request, context)));
  }
}
