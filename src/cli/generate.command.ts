import { Command } from 'commander';
import { CommandBus } from '@nestjs/cqrs';
import { MAX_SYNTHETIC_PROCEDURES, planSyntheticHistory, SyntheticPlan } from '../synthetic/synthetic-plan';
import { runSynthetic } from '../synthetic/run-synthetic';
import { SYNTHETIC_TARGET_NAMES, SYNTHETIC_TARGETS, SyntheticTargetName } from '../synthetic/synthetic-targets';
import { CliError, CliIo } from './cli-io';
import { dataDirOption } from './open-ledger';
import { wholeNumber, withLedger } from './ledger-context';

interface GenerateOptions {
  procedures?: string;
  seed: string;
  match?: string;
  dataDir?: string;
  json?: boolean;
}

export function generateCommand(io: CliIo): Command {
  return new Command('generate')
    .description('SYNTHETIC data for demos and benchmarks: a deterministic invented catalogue and its history, labelled as such')
    .option('--procedures <n>', `procedures in force at the end (1–${MAX_SYNTHETIC_PROCEDURES}; with --match, the target's count)`)
    .requiredOption('--seed <s>', 'seed of the generator: the same seed gives the same events')
    .option('--match <target>', `make the totals match published figures: ${SYNTHETIC_TARGET_NAMES.join(', ')}`)
    .option(...dataDirOption)
    .option('--json', 'print JSON instead of text')
    .action(async (options: GenerateOptions) => {
      if (options.match !== undefined && !(SYNTHETIC_TARGET_NAMES as string[]).includes(options.match)) {
        throw new CliError(`--match must be one of ${SYNTHETIC_TARGET_NAMES.join(', ')}, got "${options.match}"`);
      }
      const match = options.match as SyntheticTargetName | undefined;
      const fromTarget = match && String(Object.values(SYNTHETIC_TARGETS[match].byLevel).reduce((a, b) => a + b, 0));
      const generation = {
        procedures: wholeNumber('--procedures', options.procedures ?? fromTarget, 1, MAX_SYNTHETIC_PROCEDURES),
        seed: wholeNumber('--seed', options.seed, 0, 2 ** 32 - 1),
        ...(match && { match }),
      };
      let plan: SyntheticPlan;
      try {
        plan = planSyntheticHistory(generation);
      } catch (error) {
        if (error instanceof RangeError) throw new CliError(error.message);
        throw error;
      }
      const outcome = await withLedger({ dataDir: options.dataDir, mustExist: false }, (app) => runSynthetic(app.get(CommandBus), plan, generation));
      if (options.json) io.out(JSON.stringify({ ...outcome, expected: plan.expected }));
      else {
        io.out(`${plan.label}`);
        io.out(`${outcome.commands} commands (${outcome.replayed} already recorded); in force on ${plan.expected.asOf}: ${plan.expected.procedures} procedures, ${plan.expected.statutoryDays} statutory days, ${plan.expected.announcedDays} announced days`);
      }
    });
}
