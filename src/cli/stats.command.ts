import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { loadConfig, SQLITE_FILE_NAME } from '../config/ledger-config';
import { openEventStore } from '../config/open-event-store';
import { CliError, CliIo } from './cli-io';

export function statsCommand(io: CliIo): Command {
  return new Command('stats')
    .description('event count, stream count and last position of the log')
    .option('--data-dir <dir>', 'folder of the SQLite event store (default: LEDGER_DATA_DIR or ./data)')
    .option('--json', 'print JSON instead of text')
    .action(async (options: { dataDir?: string; json?: boolean }) => {
      const config = loadConfig({ ...process.env, ...(options.dataDir && { LEDGER_DATA_DIR: options.dataDir }) });
      const file = join(config.dataDir, SQLITE_FILE_NAME);
      // Reading must not create an empty ledger where the operator mistyped the folder.
      if (config.eventStore === 'sqlite' && !existsSync(file)) {
        throw new CliError(`no ledger at ${file}; set LEDGER_DATA_DIR or pass --data-dir`);
      }
      const store = await openEventStore(config);
      try {
        const stats = await store.stats();
        if (options.json) io.out(JSON.stringify(stats));
        else {
          io.out(`events         ${stats.eventCount}`);
          io.out(`streams        ${stats.streamCount}`);
          io.out(`last position  ${stats.lastPosition}`);
        }
      } finally {
        await store.close();
      }
    });
}
