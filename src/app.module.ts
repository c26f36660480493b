import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { LedgerConfig } from './config/ledger-config';
import { AccessModule } from './access/access.module';
import { openEventStore } from './config/open-event-store';
import { openKeyStore } from './config/open-key-store';
import { openReadStore } from './config/open-read-store';
import { EventStoreModule } from './core/event-store/event-store.module';
import { EventStore } from './core/event-store/event-store.port';
import { ProjectionsModule } from './core/projection/projections.module';
import { liveProjections } from './config/live-projections';
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
  /** Fold the projections in this thread even where the configuration asks for a worker (a short CLI command). */
  readonly projectionsInThisThread?: boolean;
}

@Module({})
export class AppModule {
  static forRoot({ config, openStore, projectionsInThisThread }: AppOptions): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CqrsModule.forRoot(),
        AccessModule.forRoot({ openKeyStore: () => openKeyStore(config), writesPerMinute: config.writesPerMinute }),
        EventStoreModule.forRoot(openStore ?? (() => openEventStore(config))),
        ProjectionsModule.forRoot(() => openReadStore(config), liveProjections(config, { storeHandedIn: !!openStore, inThisThread: projectionsInThisThread })),
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

