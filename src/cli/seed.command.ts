import { Command } from 'commander';
import { CommandBus } from '@nestjs/cqrs';
import { loadSeeds } from '../../seeds/load-seeds';
import { CliIo } from './cli-io';
import { dataDirOption } from './open-ledger';
import { withLedger } from './ledger-context';

export function seedCommand(io: CliIo): Command {
  return new Command('seed')
    .description('record the published facts of seeds/ (each with its source and date); loading twice changes nothing')
    .option(...dataDirOption)
    .option('--json', 'print JSON instead of text')
    .action(async (options: { dataDir?: string; json?: boolean }) => {
      const outcome = await withLedger({ dataDir: options.dataDir, mustExist: false }, (app) => loadSeeds(app.get(CommandBus)));
      if (options.json) io.out(JSON.stringify(outcome));
      else io.out(`seeded ${outcome.facts} published facts: ${outcome.recorded} recorded, ${outcome.replayed} already in the ledger`);
    });
}
