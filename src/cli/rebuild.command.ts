import { availableParallelism } from 'node:os';
import { Command } from 'commander';
import { ALL_PROJECTIONS } from '../../projections';
import { procedureCatalogProjection } from '../../projections/procedure-catalog.projection';
import { LedgerConfig } from '../config/ledger-config';
import { openEventStore } from '../config/open-event-store';
import { openReadStore } from '../config/open-read-store';
import { isCalendarDate } from '../core/http/validation-rules';
import { AnyProjection } from '../core/projection/document-projection';
import { EventStore } from '../core/event-store/event-store.port';
import { dropForeignSnapshots } from '../core/projection/checkpoint-event';
import { isFiltered, normalizeKnownAt, TimeFilter } from '../core/projection/event-filter';
import { SqliteReadStore } from '../core/projection/read-store';
import { RebuildResult, snapshotLabel } from '../core/projection/rebuild';
import { foldedCatalogSnapshot } from '../procedures/read/folded-catalog-snapshot';
import { CliError, CliIo } from './cli-io';
import { cliConfig, dataDirOption } from './open-ledger';
import { progressDisplay } from './progress-display';
import { rebuildInWorkers } from './rebuild-workers';

interface RebuildCliOptions {
  readonly asOf?: string;
  readonly knownAt?: string;
  readonly dataDir?: string;
  readonly workers?: string;
  readonly fromLog?: boolean;
}

export function rebuildCommand(io: CliIo): Command {
  return new Command('rebuild')
    .description(
      'replay the log into fresh read models beside the live ones and swap them in when complete; ' +
        'with --as-of or --known-at, write a snapshot beside them instead (the catalogue\'s folded on the live catalogue ' +
        'or an earlier snapshot where one serves)',
    )
    .argument('[projection...]', `read models to rebuild (default: all): ${ALL_PROJECTIONS.map((p) => p.name).join(', ')}`)
    .option('--as-of <date>', 'only acts in effect on this date (YYYY-MM-DD)')
    .option('--known-at <time>', 'only what the ledger had recorded at this moment (ISO timestamp; a date means its end, UTC)')
    .option(...dataDirOption)
    .option('--from-log', 'replay the whole log for every snapshot, the catalogue\'s too, rather than fold it on one held')
    .option('--workers <count>', `threads folding projections at once, 1 to 32 (default: the machine's cores, ${availableParallelism()} here)`)
    .action(async (names: string[], options: RebuildCliOptions) => {
      // Everything the operator typed is checked before anything is opened, so that a mistake writes nothing.
      const projections = selectProjections(names);
      const filter = timeFilterOf(options);
      const workers = workerCount(options.workers);
      const config = cliConfig(options.dataDir, true);
      if (config.eventStore === 'memory') {
        throw new CliError('LEDGER_EVENT_STORE is memory, which keeps no log for another process to rebuild from');
      }
      const store = await openEventStore(config);
      const readStore = openReadStore(config);
      try {
        // A rebuild that died before its swap left its generations; those of one still running are left to it.
        const dropped = readStore.dropOrphans();
        if (dropped.length > 0) io.out(`dropped ${dropped.length} read-model table(s) left by a rebuild that stopped before its swap`);
        for (const { label, why } of await dropForeignSnapshots(store, readStore)) io.out(`dropped snapshot ${label}, not folded from this log: ${why}`);
        const rest = isFiltered(filter) && !options.fromLog ? await catalogFoldedOnHeld(io, store, readStore, projections, filter) : projections;
        if (rest.length > 0) await replayLog(io, config, store, readStore, rest, { ...filter, workers });
      } finally {
        readStore.close();
        await store.close();
      }
    });
}

/**
 * Folds the catalogue's snapshot on the live catalogue or an earlier snapshot when it is asked for and that can be done
 * (see foldedCatalogSnapshot), saying which way it went; returns the projections left to replay from the log.
 */
async function catalogFoldedOnHeld(
  io: CliIo,
  store: EventStore,
  readStore: SqliteReadStore,
  projections: readonly AnyProjection[],
  filter: TimeFilter,
): Promise<readonly AnyProjection[]> {
  if (!projections.includes(procedureCatalogProjection)) return projections;
  const started = Date.now();
  const fold = await foldedCatalogSnapshot(store, readStore, filter);
  if ('notFolded' in fold) {
    io.out(`${procedureCatalogProjection.name}: replayed from the log, not folded on the live catalogue or an earlier snapshot: ${fold.notFolded}`);
    return projections;
  }
  const { label, from, entries, position, documents } = fold.folded;
  io.out(
    `snapshot ${label} folded on ${from.label} with ${entries} audit-trail entries, up to position ${position}, ` +
      `in ${((Date.now() - started) / 1000).toFixed(2)} s: ${documents} documents, beside the live read models, which are unchanged`,
  );
  return projections.filter((p) => p !== procedureCatalogProjection);
}

/** Replays the log into the projections in worker threads, with the progress shown as it goes, and says what it did. */
async function replayLog(
  io: CliIo,
  config: LedgerConfig,
  store: EventStore,
  readStore: SqliteReadStore,
  projections: readonly AnyProjection[],
  options: TimeFilter & { readonly workers?: number },
): Promise<void> {
  const progress = progressDisplay(io);
  let result: RebuildResult;
  try {
    result = await rebuildInWorkers(config, store, readStore, projections, { ...options, onProgress: (p) => progress.report(p) });
  } finally {
    progress.done();
  }
  const count = result.projections.length;
  io.out(
    `rebuild: ${count} projection${count === 1 ? '' : 's'} (${result.projections.join(', ')}), ` +
      `${result.events} events in ${(result.elapsedMs / 1000).toFixed(2)} s, ${result.eventsPerSecond} events/s`,
  );
  if (result.snapshot) {
    const labels = projections.map((p) => snapshotLabel(p.name, options)).join(', ');
    io.out(`snapshot ${result.snapshot} written beside the live read models, which are unchanged: ${labels}`);
  } else io.out('the live read models now are the rebuilt ones');
}

/** The projections named, in the order given, once each; all of them when none is named. */
function selectProjections(names: readonly string[]): AnyProjection[] {
  if (names.length === 0) return [...ALL_PROJECTIONS];
  const known = new Map(ALL_PROJECTIONS.map((p) => [p.name, p]));
  const unknown = names.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new CliError(
      `unknown projection${unknown.length === 1 ? '' : 's'} ${unknown.map((n) => `"${n}"`).join(', ')}; ` +
        `valid names: ${[...known.keys()].join(', ')}`,
    );
  }
  return [...new Set(names)].map((name) => known.get(name)!);
}

function timeFilterOf({ asOf, knownAt }: RebuildCliOptions): TimeFilter {
  if (asOf !== undefined && !isCalendarDate(asOf)) {
    throw new CliError(`--as-of must be a calendar date written YYYY-MM-DD, got "${asOf}"`);
  }
  // A plain date stands for the end of that day, UTC; it must be a day that exists (Date.parse takes 2022-02-30).
  const moment = knownAt === undefined ? undefined : normalizeKnownAt(knownAt);
  if (knownAt !== undefined && (moment === undefined || !isCalendarDate(knownAt.slice(0, 10)))) {
    throw new CliError(
      `--known-at must be an ISO timestamp with a time zone (2022-12-31T17:00:00Z) or a date YYYY-MM-DD (meaning its end, UTC), got "${knownAt}"`,
    );
  }
  return { ...(asOf !== undefined && { asOf }), ...(moment !== undefined && { knownAt: moment }) };
}

function workerCount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d{1,2}$/.test(value) || Number(value) < 1 || Number(value) > 32) throw new CliError(`--workers must be a whole number from 1 to 32, got "${value}"`);
  return Number(value);
}
