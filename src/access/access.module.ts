import { DynamicModule, Global, Inject, Injectable, Logger, Module, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyStore } from './api-key.store';
import { WriteRateGuard } from './write-rate.guard';
import { WriteRateStorage } from './write-rate.storage';

@Injectable()
class AccessLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(@Inject(ApiKeyStore) private readonly keys: ApiKeyStore) {}

  onApplicationBootstrap(): void {
    if (!this.keys.hasActiveAdmin()) {
      new Logger('Access').warn('no admin API key exists yet; create one with: npm run ledger -- keys create --name <your name> --role admin');
    }
  }

  onApplicationShutdown(): void {
    this.keys.close();
  }
}

export interface AccessOptions {
  readonly openKeyStore: () => ApiKeyStore;
  /** Writes one API key may send per minute. */
  readonly writesPerMinute: number;
}

/** API keys, roles on every route, and a write-rate limit per key. */
@Global()
@Module({})
export class AccessModule {
  static forRoot({ openKeyStore, writesPerMinute }: AccessOptions): DynamicModule {
    return {
      module: AccessModule,
      imports: [ThrottlerModule.forRoot({ throttlers: [{ name: 'writes', ttl: 60_000, limit: writesPerMinute }], storage: new WriteRateStorage() })],
      providers: [
        { provide: ApiKeyStore, useFactory: openKeyStore },
        // Order matters: the key is checked first, so the rate limit counts per key.
        { provide: APP_GUARD, useClass: ApiKeyGuard },
        { provide: APP_GUARD, useClass: WriteRateGuard },
        AccessLifecycle,
      ],
      exports: [ApiKeyStore],
    };
  }
}
