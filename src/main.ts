import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { createApp } from './app.factory';
import { ConfigError, loadConfig, redactPassword } from './config/ledger-config';

async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApp({ config });
  await app.listen(config.port, config.host);
  const where = {
    sqlite: `SQLite in ${config.dataDir}`,
    esdb: `EventStoreDB at ${redactPassword(config.eventStoreConnectionString ?? '')}`,
    memory: 'memory (nothing is kept)',
  }[config.eventStore];
  new Logger('Ledger').log(`listening on http://${config.host}:${config.port} (docs at /docs), events in ${where}`);
}

main().catch((error: unknown) => {
  // A configuration or storage problem at start-up is the operator's to fix: say what, without a stack.
  const message = error instanceof ConfigError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  console.error(`ledger failed to start: ${message}`);
  process.exit(1);
});
