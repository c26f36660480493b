import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AuditTrailQuery, AuditTrailRequest, AuditTrailView } from './audit-trail.query';

@ApiTags('audit')
@Controller('audit')
export class AuditController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @ApiOperation({
    summary: 'The audit trail: every event, filtered by entity, actor, decision, type, effective date and recorded time',
    description: 'Events come in log order; pass nextCursor as cursor for the next page.',
  })
  @ApiResponse({ status: 200, type: AuditTrailView })
  trail(@Query() request: AuditTrailRequest): Promise<AuditTrailView> {
    return this.queries.execute(new AuditTrailQuery(request));
  }
}
