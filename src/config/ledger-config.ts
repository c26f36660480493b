import { resolve } from 'node:path';

export type EventStoreBackend = 'sqlite' | 'esdb' | 'memory';

export interface LedgerConfig {
  readonly port: number;
  readonly host: string;
  readonly eventStore: EventStoreBackend;
  /** Folder holding the SQLite event store file; created on first start. */
  readonly dataDir: string;
  readonly sqliteSynchronous: 'FULL' | 'NORMAL';
  /** EventStoreDB to connect to when `eventStore` is `esdb`: `esdb://…` or `esdb+discover://…`. */
  readonly eventStoreConnectionString?: string;
  /** Largest request body accepted, in bytes; larger ones get 413. */
  readonly bodyLimitBytes: number;
  /** Writes one API key may send per minute; more get 429. */
  readonly writesPerMinute: number;
  /** Load the published facts of seeds/ when the service starts on an empty store. */
  readonly seedOnStart: boolean;
  /**
   * Fold the read models in a worker thread, so that folding never holds up requests (SQLite only: the worker opens
   * the same files; with EventStoreDB or in memory they are folded in the service's thread).
   */
  readonly projectionWorker: boolean;
}

export class ConfigError extends Error {}

/** Reads the configuration from the environment, refusing values that would fail later in a less clear way. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  const eventStore = oneOf(env, 'LEDGER_EVENT_STORE', ['sqlite', 'esdb', 'memory'] as const, 'sqlite');
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    eventStore,
    dataDir: resolve(env.LEDGER_DATA_DIR?.trim() || './data'),
    sqliteSynchronous: oneOf(env, 'LEDGER_SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
    ...(eventStore === 'esdb' && { eventStoreConnectionString: esdbConnectionString(env) }),
    bodyLimitBytes: integer(env, 'LEDGER_BODY_LIMIT_BYTES', 5 * 1024 * 1024, 1024, 512 * 1024 * 1024),
    writesPerMinute: integer(env, 'LEDGER_WRITES_PER_MINUTE', 600, 1, 1_000_000),
    // Tests start services on empty stores and expect them to stay empty.
    seedOnStart: flag(env, 'LEDGER_SEED_ON_START', env.NODE_ENV !== 'test'),
    projectionWorker: flag(env, 'LEDGER_PROJECTION_WORKER', true),
  };
}

export const SQLITE_FILE_NAME = 'ledger.sqlite';

function esdbConnectionString(env: NodeJS.ProcessEnv): string {
  const raw = env.EVENTSTORE_CONNECTION_STRING?.trim();
  if (!raw) {
    throw new ConfigError('EVENTSTORE_CONNECTION_STRING is required when LEDGER_EVENT_STORE=esdb, e.g. esdb://localhost:2113?tls=false');
  }
  if (!/^esdb(\+discover)?:\/\//.test(raw)) {
    throw new ConfigError(`EVENTSTORE_CONNECTION_STRING must start with esdb:// or esdb+discover://, got "${redactPassword(raw)}"`);
  }
  return raw;
}

/** Connection strings may carry `user:password@`; messages and logs show the user only. */
export const redactPassword = (connectionString: string): string => connectionString.replace(/\/\/([^:/@]+):[^@/]*@/, '//$1:***@');

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, got "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (raw !== 'true' && raw !== 'false') throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
  return raw === 'true';
}

function oneOf<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[], fallback: T): T {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  if (!(allowed as readonly string[]).includes(raw)) {
    throw new ConfigError(`${name} must be one of ${allowed.join(', ')}, got "${raw}"`);
  }
  return raw as T;
}
