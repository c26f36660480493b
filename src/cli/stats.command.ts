import { Command } from 'commander';
import { openEventStore } from '../config/open-event-store';
import { CliIo } from './cli-io';
import { existingLedger } from './existing-ledger';

export function statsCommand(io: CliIo): Command {
  return new Command('stats')
    .description('event count, stream count and last position of the log')
    .option('--data-dir <dir>', 'folder of the SQLite event store (default: LEDGER_DATA_DIR or ./data)')
    .option('--json', 'print JSON instead of text')
    .action(async (options: { dataDir?: string; json?: boolean }) => {
      const store = openEventStore(existingLedger(options.dataDir));
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
