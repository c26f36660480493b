import { randomUUID } from 'node:crypto';
import { EsdbEventStore, EsdbEventStoreOptions } from '../../src/core/event-store/esdb-event-store';

/** Set by the global setup when the EventStoreDB suites cannot run here; holds the reason. */
export const ESDB_SKIP_ENV = 'LEDGER_TEST_EVENTSTORE_SKIP';
export const NO_EVENTSTOREDB = 'no Docker and no EVENTSTORE_CONNECTION_STRING';

/** Why the EventStoreDB suites are skipped in this run, or undefined when they run. */
export function eventStoreDbSkipReason(): string | undefined {
  return process.env[ESDB_SKIP_ENV] ?? (process.env.EVENTSTORE_CONNECTION_STRING ? undefined : NO_EVENTSTOREDB);
}

/** A suite that needs EventStoreDB: run, or reported as skipped with the reason in its name. */
export function describeEventStoreDb(name: string, body: () => void): void {
  const reason = eventStoreDbSkipReason();
  if (reason) return describe.skip(`${name} — skipped: ${reason}`, body);
  // A server over the network, and counts that read the whole log, take longer than the embedded stores.
  jest.setTimeout(60_000);
  describe(name, body);
}

/** Where the test server listens (its first host), and its connection string pointed at another address. */
export function testEventStoreDb(): { host: string; port: number; via(address: string): string } {
  const connectionString = process.env.EVENTSTORE_CONNECTION_STRING!;
  const [, credentials = '', host, port = '2113', rest = ''] = /^esdb:\/\/([^@/]*@)?([^:/?,]+)(?::(\d+))?(.*)$/.exec(connectionString) ?? [];
  if (!host) throw new Error(`these tests need an esdb:// connection string, got ${connectionString}`);
  // Other hosts of a cluster are dropped: the address given stands for the whole server.
  return { host, port: Number(port), via: (address) => `esdb://${credentials}${address}${rest.replace(/^,[^?]*/, '')}` };
}

/**
 * A store on the test server in a namespace of its own, so tests share the server without seeing each other's
 * streams; it resubscribes quickly, so outage tests stay short.
 */
export function openTestEventStoreDb(options: Partial<EsdbEventStoreOptions> = {}): Promise<EsdbEventStore> {
  return EsdbEventStore.open({
    connectionString: process.env.EVENTSTORE_CONNECTION_STRING!,
    namespace: `test${randomUUID().slice(0, 8)}.`,
    resubscribeDelaysMs: [100, 250],
    ...options,
  });
}
