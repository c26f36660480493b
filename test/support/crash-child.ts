import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { ApiKeyStore } from '../../src/access/api-key.store';
import { createApp } from '../../src/app.factory';
import { loadConfig } from '../../src/config/ledger-config';

/**
 * The real service, as `main.ts` starts it, on the data folder in LEDGER_DATA_DIR, listening on a free loopback
 * port. Once it serves, it prints one JSON line with the port and a fresh reform-office key, for the crash test
 * that drives it over HTTP and kills it.
 */
async function main(): Promise<void> {
  const config = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0', LEDGER_SEED_ON_START: 'false' });
  const app = await createApp({ config, logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const { key } = app.get(ApiKeyStore).create(`crash-office-${process.pid}`, 'reform-office');
  process.stdout.write(`${JSON.stringify({ ready: true, port, key })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`crash child failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
