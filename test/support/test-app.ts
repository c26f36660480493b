import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApp } from '../../src/app.factory';
import { EventStoreBackend, loadConfig, LedgerConfig } from '../../src/config/ledger-config';
import { EVENT_STORE, EventStore } from '../../src/core/event-store/event-store.port';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly store: EventStore;
  readonly config: LedgerConfig;
  /** Sends a request through the real HTTP stack (Fastify inject), JSON in and out. */
  request(method: 'GET' | 'POST', url: string, body?: unknown, headers?: Record<string, string>): Promise<TestResponse>;
  close(): Promise<void>;
}

export interface TestResponse {
  readonly status: number;
  readonly headers: Record<string, unknown>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly body: any;
}

/**
 * Starts the whole service on a throw-away store: memory, or SQLite in a temporary folder (or the given one).
 * Seeding on start is off unless a test turns it on: tests expect the empty store they asked for.
 */
export async function startTestApp(
  backend: EventStoreBackend = 'memory',
  env: Record<string, string> = {},
): Promise<TestApp> {
  const ownDir = env.LEDGER_DATA_DIR ? undefined : mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  const config = loadConfig({ LEDGER_SEED_ON_START: 'false', LEDGER_EVENT_STORE: backend, LEDGER_DATA_DIR: ownDir, ...env });
  const app = await createApp({ config, logger: false });
  const store = app.get<EventStore>(EVENT_STORE);
  return {
    app,
    store,
    config,
    async request(method, url, body, headers = {}) {
      const response = await app.inject({
        method,
        url,
        headers: { ...(body !== undefined && typeof body !== 'string' && { 'content-type': 'application/json' }), ...headers },
        ...(body !== undefined && { payload: typeof body === 'string' ? body : JSON.stringify(body) }),
      });
      const text = response.body;
      return { status: response.statusCode, headers: response.headers, body: text && response.headers['content-type']?.toString().includes('json') ? JSON.parse(text) : text };
    },
    async close() {
      await app.close();
      if (ownDir) rmSync(ownDir, { recursive: true, force: true });
    },
  };
}
