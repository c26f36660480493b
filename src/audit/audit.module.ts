import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AuditController } from './audit.controller';
import { AuditEntriesHandler, AuditFieldsHandler, AuditTrailHandler } from './audit-trail.query';

/** What inspectors read: the audit trail of every recorded event. */
@Module({ imports: [CqrsModule], controllers: [AuditController], providers: [AuditTrailHandler, AuditEntriesHandler, AuditFieldsHandler] })
export class AuditModule {}
