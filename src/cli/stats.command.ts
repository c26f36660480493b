import { Command } from 'commander';
import { CliIo } from './cli-io';
import { dataDirOption, withEventStore } from './open-ledger';

export function statsCommand(io: CliIo): Command {
  return new Command('stats')
    .description('event count, stream count and last position of the log')
    .option(...dataDirOption)
    .option('--json', 'print JSON instead of text')
    .action((options: { dataDir?: string; json?: boolean }) =>
      withEventStore(options.dataDir, async (store) => {
        const stats = await store.stats();
        if (options.json) return io.out(JSON.stringify(stats));
        io.out(`events         ${stats.eventCount}`);
        io.out(`streams        ${stats.streamCount}`);
        io.out(`last position  ${stats.lastPosition}`);
      }),
    );
}
