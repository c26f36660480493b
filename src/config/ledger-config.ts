import { resolve } from 'node:path';

export type EventStoreBackend = 'sqlite' | 'memory';

export interface LedgerConfig {
  readonly port: number;
  readonly host: string;
  readonly eventStore: EventStoreBackend;
  /** Folder holding the SQLite event store file; created on first start. */
  readonly dataDir: string;
  readonly sqliteSynchronous: 'FULL' | 'NORMAL';
  /** Largest request body accepted, in bytes; larger ones get 413. */
  readonly bodyLimitBytes: number;
  /** Load the published facts of seeds/ when the service starts on an empty store. */
  readonly seedOnStart: boolean;
}

export class ConfigError extends Error {}

/** Reads the configuration from the environment, refusing values that would fail later in a less clear way. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): LedgerConfig {
  return {
    port: integer(env, 'PORT', 3000, 0, 65535),
    host: env.HOST?.trim() || '0.0.0.0',
    eventStore: oneOf(env, 'LEDGER_EVENT_STORE', ['sqlite', 'memory'] as const, 'sqlite'),
    dataDir: resolve(env.LEDGER_DATA_DIR?.trim() || './data'),
    sqliteSynchronous: oneOf(env, 'LEDGER_SQLITE_SYNCHRONOUS', ['FULL', 'NORMAL'] as const, 'FULL'),
    bodyLimitBytes: integer(env, 'LEDGER_BODY_LIMIT_BYTES', 5 * 1024 * 1024, 1024, 512 * 1024 * 1024),
    // Tests start services on empty stores and expect them to stay empty.
    seedOnStart: flag(env, 'LEDGER_SEED_ON_START', env.NODE_ENV !== 'test'),
  };
}

export const SQLITE_FILE_NAME = 'ledger.sqlite';

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
