import { BeforeApplicationShutdown, DynamicModule, Global, Inject, Injectable, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { AnyProjection } from './document-projection';
import { ProjectionRunner } from './projection-runner';
import { SqliteReadStore } from './read-store';

@Injectable()
class ProjectionLifecycle implements OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(
    @Inject(ProjectionRunner) private readonly runner: ProjectionRunner,
    @Inject(SqliteReadStore) private readonly readStore: SqliteReadStore,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.runner.start();
  }

  // Stop folding before the event store closes; close the read store after.
  async beforeApplicationShutdown(): Promise<void> {
    await this.runner.stop();
  }

  onApplicationShutdown(): void {
    this.readStore.close();
  }
}

/** Runs the given projections live from the event store, into the read store, for the life of the application. */
@Global()
@Module({})
export class ProjectionsModule {
  static forRoot(projections: readonly AnyProjection[], openReadStore: () => SqliteReadStore): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [
        { provide: SqliteReadStore, useFactory: openReadStore },
        {
          provide: ProjectionRunner,
          inject: [EVENT_STORE, SqliteReadStore],
          useFactory: (store: EventStore, readStore: SqliteReadStore) => new ProjectionRunner(store, readStore, projections),
        },
        ProjectionLifecycle,
      ],
      exports: [ProjectionRunner, SqliteReadStore],
    };
  }
}
