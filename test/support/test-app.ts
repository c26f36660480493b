import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ApiKeyStore } from '../../src/access/api-key.store';
import { Role } from '../../src/access/roles';
import { createApp } from '../../src/app.factory';
import { EventStoreBackend, loadConfig, LedgerConfig } from '../../src/config/ledger-config';
import { EVENT_STORE, EventStore } from '../../src/core/event-store/event-store.port';
import { MemoryEventStore } from '../../src/core/event-store/memory-event-store';
import { openTestEventStoreDb } from './esdb';

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

/**
 * The backends the service runs on in tests: the configured ones, memory behaving like a backend without
 * multi-stream transactions, so the code paths for EventStoreDB run without a server, and memory standing in for
 * EventStoreDB more closely still: positions with gaps and a hash chain per stream, appended as that adapter does.
 */
export type TestBackend = EventStoreBackend | 'memory:non-atomic' | 'memory:esdb-like';

/**
 * Starts the whole service on a throw-away store: memory, SQLite in a temporary folder (or the given one), or a
 * namespace of its own on the test EventStoreDB. `openStore` hands in a store of the test's making instead.
 * Seeding on start is off unless a test turns it on: tests expect the empty store they asked for.
 */
export async function startTestApp(
  backend: TestBackend = 'memory',
  env: Record<string, string> = {},
  openStore?: () => EventStore | Promise<EventStore>,
): Promise<TestApp> {
  const ownDir = env.LEDGER_DATA_DIR ? undefined : mkdtempSync(join(tmpdir(), 'ledger-e2e-'));
  const configured = backend.startsWith('memory') ? 'memory' : (backend as EventStoreBackend);
  const config = loadConfig({
    LEDGER_SEED_ON_START: 'false',
    LEDGER_EVENT_STORE: configured,
    LEDGER_DATA_DIR: ownDir,
    ...(backend === 'esdb' && { EVENTSTORE_CONNECTION_STRING: process.env.EVENTSTORE_CONNECTION_STRING }),
    ...env,
  });
  const defaults: Partial<Record<TestBackend, () => EventStore | Promise<EventStore>>> = {
    'memory:non-atomic': () => new MemoryEventStore({ multiStreamAppend: false }),
    'memory:esdb-like': () => new MemoryEventStore({ multiStreamAppend: false, hashChain: 'stream', positionGaps: true }),
    esdb: () => openTestEventStoreDb(),
  };
  const app = await createApp({ config, logger: false, openStore: openStore ?? defaults[backend] });
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
