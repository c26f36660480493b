import { DynamicModule, Global, Inject, Injectable, Module, OnApplicationShutdown } from '@nestjs/common';
import { EVENT_STORE, EventStore } from './event-store.port';

@Injectable()
class EventStoreCloser implements OnApplicationShutdown {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationShutdown(): Promise<void> {
    await this.store.close();
  }
}

/** Makes the configured `EventStore` injectable everywhere as `EVENT_STORE`, and closes it on shutdown. */
@Global()
@Module({})
export class EventStoreModule {
  static forRoot(open: () => EventStore | Promise<EventStore>): DynamicModule {
    return {
      module: EventStoreModule,
      providers: [{ provide: EVENT_STORE, useFactory: open }, EventStoreCloser],
      exports: [EVENT_STORE],
    };
  }
}
