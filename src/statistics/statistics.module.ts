import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LedgerWriter } from '../core/ledger-writer';
import { CampaignsController } from './campaigns.controller';
import { StatisticsTimeline } from './read/statistics-timeline';
import { GetCampaignHandler, ListCampaignsHandler, ListFindingsHandler, ListReportsHandler } from './read/statistics.queries';
import { LaunchCampaignHandler, ReportCampaignResultsHandler } from './record-campaign/campaign.commands';
import { RecordReportHandler } from './record-report/record-report.command';
import { StatisticsController } from './statistics.controller';

/** What reform offices report each period (dossiers, online services, indices, money, published counts), campaigns, and the checks. */
@Module({
  imports: [CqrsModule],
  controllers: [StatisticsController, CampaignsController],
  providers: [
    LedgerWriter,
    StatisticsTimeline,
    RecordReportHandler,
    LaunchCampaignHandler,
    ReportCampaignResultsHandler,
    ListReportsHandler,
    ListFindingsHandler,
    ListCampaignsHandler,
    GetCampaignHandler,
  ],
})
export class StatisticsModule {}
