import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiKeyStore } from '../../src/access/api-key.store';
import { Role } from '../../src/access/roles';
import { createApp } from '../../src/app.factory';
import { EventStoreBackend, loadConfig, LedgerConfig } from '../../src/config/ledger-config';
import { EVENT_STORE, EventStore } from '../../src/core/event-store/event-store.port';

export interface TestApp {
  readonly app: NestFastifyApplication;
  readonly store: EventStore;
  readonly config: LedgerConfig;
  /** The API key of a holder with a role, created on first use. */
  keyFor(name: string, role: Role): string;
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

/** Starts the whole service on a throw-away store: memory, or SQLite in a temporary folder (or the given one). */
export async function startTestApp(
  backend: EventStoreBackend = 'memory',
  env: Record<string, string> = {},
): Promise<TestApp> {
  const ownDir = env.LEDGER_DATA_DIR ? undefined : mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  const config = loadConfig({ LEDGER_EVENT_STORE: backend, LEDGER_DATA_DIR: ownDir, ...env });
  const app = await createApp({ config, logger: false });
  const store = app.get<EventStore>(EVENT_STORE);
  const keys = app.get(ApiKeyStore);
  const issued = new Map<string, string>();
  /** A key per actor and role, made on first use: tests name the actor the way a key would. */
  const keyFor = (name: string, role: Role) => {
    const id = `${role}:${name}`;
    if (!issued.has(id)) issued.set(id, keys.create(name, role).key);
    return issued.get(id)!;
  };
  return {
    app,
    store,
    config,
    keyFor,
    async request(method, url, body, headers = {}) {
      // Writes go as the reform office, reads as an inspector, unless the test sends its own Authorization
      // ('none' to send none); X-Actor names the key's holder, who becomes the events' actor.
      const { 'X-Actor': actor = method === 'GET' ? 'inspector-test' : 'reform-office-test', Authorization, ...rest } = headers;
      const authorization = Authorization ?? `Bearer ${keyFor(actor, method === 'GET' ? 'inspector' : 'reform-office')}`;
      const response = await app.inject({
        method,
        url,
        headers: {
          ...(body !== undefined && typeof body !== 'string' && { 'content-type': 'application/json' }),
          ...(authorization !== 'none' && { authorization }),
          ...rest,
        },
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
