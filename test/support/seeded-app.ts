import { CommandBus } from '@nestjs/cqrs';
import { EventStoreBackend } from '../../src/config/ledger-config';
import { loadSeeds } from '../../seeds/load-seeds';
import { startTestApp, TestApp } from './test-app';

/** A service on a throw-away store holding the seeded published facts, loaded through the command handlers. */
export async function startSeededApp(backend: EventStoreBackend = 'memory', env: Record<string, string> = {}): Promise<TestApp> {
  const t = await startTestApp(backend, env);
  await loadSeeds(t.app.get(CommandBus));
  return t;
}

/** A report over HTTP as text, exactly as sent. */
export async function reportText(t: TestApp, year: number, format: string, query = ''): Promise<string> {
  const authorization = `Bearer ${t.keyFor('inspector-test', 'inspector')}`;
  const response = await t.app.inject({ method: 'GET', url: `/reports/annual/${year}?format=${format}${query}`, headers: { authorization } });
  if (response.statusCode !== 200) throw new Error(`report ${year} ${format}: ${response.statusCode} ${response.body}`);
  return response.body;
}
