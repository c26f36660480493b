import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { LiveProjections } from './live-projections';
import { SqliteReadStore } from './read-store';

@Injectable()
class ProjectionLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(LiveProjections) private readonly projections: LiveProjections,
    @Inject(SqliteReadStore) private readonly readStore: SqliteReadStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.projections.start();
  }

  // Stop folding before the event store closes; close the read store after.
  async beforeApplicationShutdown(): Promise<void> {
    await this.projections.stop();
  }

  onApplicationShutdown(): void {
    this.readStore.close();
  }
}

/** Runs projections live from the event store, into the read store, for the life of the application. */
@Global()
@Module({})
export class ProjectionsModule {
  /** `live` says how the projections are folded: in this thread (ProjectionRunner) or a worker's (ProjectionWorker). */
  static forRoot(openReadStore: () => SqliteReadStore, live: (store: EventStore, readStore: SqliteReadStore) => LiveProjections): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [
        { provide: SqliteReadStore, useFactory: openReadStore },
        { provide: LiveProjections, inject: [EVENT_STORE, SqliteReadStore], useFactory: live },
        ProjectionLifecycle,
      ],
      exports: [LiveProjections, SqliteReadStore],
    };
  }
}
