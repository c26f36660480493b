import { Body, Controller, Get, HttpCode, Post, Query, Res } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { CommandContext } from '../core/command-context';
import { Command } from '../core/http/request-context';
import { markReplay, WRITE_HEADERS, WRITE_RESPONSES } from '../procedures/write-route';
import { AbolishLevelCommand } from './abolish-level/abolish-level.command';
import { AbolishLevelRequest } from './abolish-level/abolish-level.request.dto';
import { DissolveUnitCommand } from './dissolve-unit/dissolve-unit.command';
import { DissolveUnitRequest } from './dissolve-unit/dissolve-unit.request.dto';
import { MergeUnitsCommand } from './merge-units/merge-units.command';
import { MergeUnitsRequest } from './merge-units/merge-units.request.dto';
import { ReconciliationQuery } from './read/reconciliation.query';
import { ReconciliationRequest } from './read/read.requests';
import { ReconciliationView } from './read/unit.views';
import { RecordSummaryCommand } from './record-summary/record-summary.command';
import { RecordSummaryRequest } from './record-summary/record-summary.request.dto';
import { ReorganisationResult, SummaryResult } from './reorganisation.result';
import { SplitUnitCommand } from './split-unit/split-unit.command';
import { SplitUnitRequest } from './split-unit/split-unit.request.dto';
import { TransferUnitCommand } from './transfer-unit/transfer-unit.command';
import { TransferUnitRequest } from './transfer-unit/transfer-unit.request.dto';

const REORGANISED = () => ApiResponse({ status: 201, type: ReorganisationResult });
const UNKNOWN_UNIT = () => ApiResponse({ status: 404, description: 'A unit named is not recorded' });

@ApiTags('reorganisations')
@Controller('reorganisations')
export class ReorganisationsController {
  constructor(
    private readonly commands: CommandBus,
    private readonly queries: QueryBus,
  ) {}

  @Post('merges')
  @HttpCode(201)
  @ApiOperation({ summary: 'Merge units into one, new or existing; sub-units and procedures follow, all in one append' })
  @WRITE_HEADERS()
  @WRITE_RESPONSES()
  @REORGANISED()
  @UNKNOWN_UNIT()
  async merge(@Body() request: MergeUnitsRequest, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReorganisationResult> {
    return markReplay(reply, await this.commands.execute(new MergeUnitsCommand(request, context)));
  }

  @Post('splits')
  @HttpCode(201)
  @ApiOperation({ summary: 'Split a unit into new ones; its procedures go to the part named, or are flagged orphaned' })
  @WRITE_HEADERS()
  @WRITE_RESPONSES()
  @REORGANISED()
  @UNKNOWN_UNIT()
  async split(@Body() request: SplitUnitRequest, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReorganisationResult> {
    return markReplay(reply, await this.commands.execute(new SplitUnitCommand(request, context)));
  }

  @Post('dissolutions')
  @HttpCode(201)
  @ApiOperation({ summary: 'Dissolve a unit; its procedures are flagged orphaned for the reform office' })
  @WRITE_HEADERS()
  @WRITE_RESPONSES()
  @REORGANISED()
  @UNKNOWN_UNIT()
  async dissolve(@Body() request: DissolveUnitRequest, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReorganisationResult> {
    return markReplay(reply, await this.commands.execute(new DissolveUnitCommand(request, context)));
  }

  @Post('transfers')
  @HttpCode(201)
  @ApiOperation({ summary: 'Move a unit under another parent or to another level; its procedures follow a level change' })
  @WRITE_HEADERS()
  @WRITE_RESPONSES()
  @REORGANISED()
  @UNKNOWN_UNIT()
  async transfer(@Body() request: TransferUnitRequest, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReorganisationResult> {
    return markReplay(reply, await this.commands.execute(new TransferUnitCommand(request, context)));
  }

  @Post('level-abolitions')
  @HttpCode(201)
  @ApiOperation({
    summary: 'Abolish a level: dissolve its units except those transferred, and move or orphan every procedure of the level',
  })
  @WRITE_HEADERS()
  @WRITE_RESPONSES()
  @REORGANISED()
  @UNKNOWN_UNIT()
  async abolishLevel(@Body() request: AbolishLevelRequest, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<ReorganisationResult> {
    return markReplay(reply, await this.commands.execute(new AbolishLevelCommand(request, context)));
  }

  @Post('summaries')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record counts published without the detail (level, category, before → after) under a decision' })
  @WRITE_HEADERS()
  @WRITE_RESPONSES()
  @ApiResponse({ status: 201, type: SummaryResult })
  async recordSummary(@Body() request: RecordSummaryRequest, @Command() context: CommandContext, @Res({ passthrough: true }) reply: FastifyReply): Promise<SummaryResult> {
    return markReplay(reply, await this.commands.execute(new RecordSummaryCommand(request, context)));
  }

  @Get('reconciliation')
  @ApiOperation({ summary: 'Published counts set against the registry: whether the detailed changes produce them, and by how much they differ' })
  @ApiResponse({ status: 200, type: ReconciliationView })
  reconciliation(@Query() { decision }: ReconciliationRequest): Promise<ReconciliationView> {
    return this.queries.execute(new ReconciliationQuery(decision));
  }
}
