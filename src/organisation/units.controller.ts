import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CommandContext } from '../core/command-context';
import { Command } from '../core/http/request-context';
import { markReplay, WRITE_HEADERS, WRITE_RESPONSES } from '../procedures/write-route';
import { EstablishUnitCommand } from './establish-unit/establish-unit.command';
import { EstablishUnitRequest } from './establish-unit/establish-unit.request.dto';
import { GetUnitHistoryQuery, GetUnitQuery } from './read/get-unit.query';
import { AsOfRequest, UnitCountsRequest } from './read/read.requests';
import { UnitCountsQuery } from './read/unit-counts.query';
import { UnitLineageQuery } from './read/unit-lineage.query';
import { UnitTreeQuery } from './read/unit-tree.query';
import { UnitCountsView, UnitHistoryView, UnitLineageView, UnitTreeView, UnitView } from './read/unit.views';
import { ReorganisationResult } from './reorganisation.result';
import { RenameUnitCommand } from './rename-unit/rename-unit.command';
import { RenameUnitRequest } from './rename-unit/rename-unit.request.dto';

@ApiTags('units')
@Controller('units')
export class UnitsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Establish a unit (thành lập) under a decision, with its level, category and parent' })
  @WRITE_HEADERS()
  @WRITE_RESPONSES()
  @ApiResponse({ status: 201, type: ReorganisationResult })
  @ApiResponse({ status: 404, description: 'Unknown parent unit' })
  async establish(@Body() request: EstablishUnitRequest, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReorganisationResult> {
    return markReplay(reply, await this.commands.execute(new EstablishUnitCommand(request, context)));
  }

  @Get()
  @ApiOperation({ summary: 'The tree of active units as of a date' })
  @ApiResponse({ status: 200, type: UnitTreeView })
  tree(@Query() { asOf }: AsOfRequest): Promise<UnitTreeView> {
    return this.queries.execute(new UnitTreeQuery(asOf));
  }

  @Get('counts')
  @ApiOperation({ summary: 'Active units by level and category, as of one date or several (counts over time)' })
  @ApiResponse({ status: 200, type: UnitCountsView })
  counts(@Query() { asOf, dates }: UnitCountsRequest): Promise<UnitCountsView> {
    const asked = [...(asOf !== undefined ? [asOf] : []), ...(dates ?? [])];
    // No date at all: the counts as everything recorded says.
    return this.queries.execute(new UnitCountsQuery(asked.length > 0 ? asked : [undefined]));
  }

  @Get(':id')
  @ApiOperation({ summary: 'A unit as of a date, with its predecessors and successors' })
  @ApiResponse({ status: 200, type: UnitView })
  @ApiResponse({ status: 404, description: 'No such unit, or not yet established on that date' })
  get(@Param('id') id: string, @Query() { asOf }: AsOfRequest): Promise<UnitView> {
    return this.queries.execute(new GetUnitQuery(id, asOf));
  }

  @Get(':id/history')
  @ApiOperation({ summary: "A unit's full history: every event in order, with actor, dates and decision" })
  @ApiResponse({ status: 200, type: UnitHistoryView })
  @ApiResponse({ status: 404, description: 'No such unit' })
  history(@Param('id') id: string): Promise<UnitHistoryView> {
    return this.queries.execute(new GetUnitHistoryQuery(id));
  }

  @Get(':id/lineage')
  @ApiOperation({ summary: "A unit's predecessors and successors through every merger and split, as of a date" })
  @ApiResponse({ status: 200, type: UnitLineageView })
  @ApiResponse({ status: 404, description: 'No such unit on that date' })
  lineage(@Param('id') id: string, @Query() { asOf }: AsOfRequest): Promise<UnitLineageView> {
    return this.queries.execute(new UnitLineageQuery(id, asOf));
  }

  @Post(':id/renames')
  @HttpCode(201)
  @ApiOperation({ summary: 'Rename a unit under a decision; procedures naming it as their agency follow' })
  @WRITE_HEADERS()
  @WRITE_RESPONSES()
  @ApiResponse({ status: 201, type: ReorganisationResult })
  @ApiResponse({ status: 404, description: 'No such unit' })
  async rename(
    @Param('id') id: string,
    @Body() request: RenameUnitRequest,
    @Command() context: CommandContext,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReorganisationResult> {
    return markReplay(reply, await this.commands.execute(new RenameUnitCommand(id, request, context)));
  }
}
