import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { EVENT_STORE, EventStore } from '../event-store/event-store.port';
import { DocumentProjection } from './document-projection';
import { ProjectionRunner } from './projection-runner';

@Injectable()
class ProjectionLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(@Inject(ProjectionRunner) private readonly runner: ProjectionRunner) {}

  onModuleInit(): void {
    this.runner.start();
  }

  onApplicationShutdown(): void {
    this.runner.stop();
  }
}

/** Runs the given projections live from the event store for the life of the application. */
@Global()
@Module({})
export class ProjectionsModule {
  static forRoot(projections: readonly DocumentProjection[]): DynamicModule {
    return {
      module: ProjectionsModule,
      providers: [
        { provide: ProjectionRunner, inject: [EVENT_STORE], useFactory: (store: EventStore) => new ProjectionRunner(store, projections) },
        ProjectionLifecycle,
      ],
      exports: [ProjectionRunner],
    };
  }
}
