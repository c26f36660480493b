import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ALL_PROJECTIONS } from '../projections';
import { LedgerConfig } from './config/ledger-config';
import { AccessModule } from './access/access.module';
import { openEventStore } from './config/open-event-store';
import { openKeyStore } from './config/open-key-store';
import { openReadStore } from './config/open-read-store';
import { EventStoreModule } from './core/event-store/event-store.module';
import { EventStore } from './core/event-store/event-store.port';
import { ProjectionsModule } from './core/projection/projections.module';
import { LedgerModule } from './ledger/ledger.module';
import { OrganisationModule } from './organisation/organisation.module';
import { ProceduresModule } from './procedures/procedures.module';
import { AuditModule } from './audit/audit.module';
import { ReportsModule } from './reports/reports.module';
import { StatisticsModule } from './statistics/statistics.module';

export interface AppOptions {
  readonly config: LedgerConfig;
  /** Tests hand in their own store; otherwise the configured backend is opened. */
  readonly openStore?: () => EventStore | Promise<EventStore>;
}

@Module({})
export class AppModule {
  static forRoot({ config, openStore }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        AccessModule.forRoot({ openKeyStore: () => openKeyStore(config), writesPerMinute: config.writesPerMinute }),
        EventStoreModule.forRoot(openStore ?? (() => openEventStore(config))),
        ProjectionsModule.forRoot(ALL_PROJECTIONS, () => openReadStore(config)),
        ProceduresModule,
        AuditModule,
        LedgerModule,
        OrganisationModule,
        StatisticsModule,
        ReportsModule,
      ],
    };
  }
}
