import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiProperty, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, Max, Min } from 'class-validator';
import { FastifyReply } from 'fastify';
import { Required } from '../core/http/validation-rules';
import { MAX_YEAR, MIN_YEAR } from '../statistics/read/statistics.queries';
import { AnnualReport } from './annual-report';
import { AnnualReportQuery, AnnualReportRequest } from './annual-report.query';
import { CONTENT_TYPES, renderReport } from './render/render-report';

export class AnnualReportParams {
  @ApiProperty({ example: 2022 })
  @Type(() => Number)
  @IsInt()
  @Min(MIN_YEAR)
  @Max(MAX_YEAR)
  @Required()
  year: number;
}

@ApiTags('reports')
@Controller('reports')
export class ReportsController {
  constructor(private readonly queries: QueryBus) {}

  @Get('annual/:year')
  @ApiOperation({
    summary: 'The annual report of a year, replayed as of its last day: procedures, processing times, units, dossiers, online services, indices, campaigns, money, findings',
    description: 'format=json (default), md, html (one self-contained page with inline SVG charts) or csv. The same events give the same bytes.',
  })
  @ApiResponse({ status: 200, description: 'The report in the format asked for' })
  @ApiResponse({ status: 400, description: 'A year outside 1990–2100, or an unknown format' })
  async annual(@Param() { year }: AnnualReportParams, @Query() request: AnnualReportRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const format = request.format ?? 'json';
    const report = await this.queries.execute<AnnualReportQuery, AnnualReport>(new AnnualReportQuery(year, request.unit));
    void reply.header('Content-Type', CONTENT_TYPES[format]);
    return renderReport(report, format);
  }
}
