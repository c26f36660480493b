import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { CutReductionsQuery, CutReductionsRequest, InForceReductionsQuery, InForceReductionsRequest, ReductionsView } from './reductions.query';

@ApiTags('reductions')
@Controller('reductions')
export class ReductionsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('in-force')
  @ApiOperation({ summary: 'Statutory vs announced days of the procedures in force, days and % cut, by level, field, agency, decision or year' })
  @ApiResponse({ status: 200, type: ReductionsView })
  inForce(@Query() request: InForceReductionsRequest): Promise<ReductionsView> {
    return this.queries.execute(new InForceReductionsQuery(request));
  }

  @Get('cuts')
  @ApiOperation({ summary: 'Processing-time cuts made within a period, days and % cut, by level, field, agency, decision or year' })
  @ApiResponse({ status: 200, type: ReductionsView })
  cuts(@Query() request: CutReductionsRequest): Promise<ReductionsView> {
    return this.queries.execute(new CutReductionsQuery(request));
  }
}
