import { Controller, Get, Header, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { auditTrailJson, AuditTrailQuery, AuditTrailRequest, AuditTrailView } from './audit-trail.query';

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
  // The page is JSON already (see AuditTrailPage): it is sent as it is, not serialised again.
  @Header('Content-Type', 'application/json; charset=utf-8')
  async trail(@Query() request: AuditTrailRequest): Promise<Buffer> {
    return auditTrailJson(await this.queries.execute(new AuditTrailQuery(request)));
  }
}
