import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AnnualReportHandler } from './annual-report.query';
import { ReportsController } from './reports.controller';

/** Reports built from the other slices' queries: the annual report, in JSON, Markdown, HTML and CSV. */
@Module({ imports: [CqrsModule], controllers: [ReportsController], providers: [AnnualReportHandler] })
export class ReportsModule {}
