import { Command } from 'commander';
import { ALL_PROJECTIONS } from '../../projections';
import { procedureCatalogProjection } from '../../projections/procedure-catalog.projection';
import { openReadStore } from '../config/open-read-store';
import { SnapshotStatus, SqliteReadStore } from '../core/projection/read-store';
import { CliError, CliIo } from './cli-io';
import { cliConfig, dataDirOption } from './open-ledger';

/**
 * The snapshots the service reads, and `ledger rebuild` folds new ones on: the catalogue's, for the catalogue as of
 * their date and later (catalogSnapshotAt).
 */
const READ_BY_THE_SERVICE = new Set([procedureCatalogProjection.name]);
const VERSIONS = new Map(ALL_PROJECTIONS.map((p) => [p.name, p.version]));

/** What a snapshot is good for now. */
type SnapshotUse = 'reads' | 'none' | 'stale';

interface SnapshotLine {
  readonly label: string;
  readonly projection: string;
  readonly asOf: string | null;
  readonly knownAt: string | null;
  /** The log's position when it was built: what was recorded after it is folded on top when it is read. */
  readonly position: number;
  /** The id of the event there, which ties it to its log; null for one written before snapshots named it. */
  readonly checkpointEvent: string | null;
  readonly documents: number;
  readonly use: SnapshotUse;
}

function withReadStore<T>(dataDir: string | undefined, work: (readStore: SqliteReadStore) => T): T {
  const config = cliConfig(dataDir, true);
  if (config.eventStore === 'memory') throw new CliError('LEDGER_EVENT_STORE is memory, which keeps no read models for another process');
  const readStore = openReadStore(config);
  try {
    return work(readStore);
  } finally {
    readStore.close();
  }
}

function lineOf(snapshot: SnapshotStatus, readStore: SqliteReadStore): SnapshotLine {
  const stale = VERSIONS.get(snapshot.name) !== snapshot.version;
  return {
    label: snapshot.label,
    projection: snapshot.name,
    asOf: snapshot.asOf,
    knownAt: snapshot.knownAt,
    position: snapshot.position,
    checkpointEvent: snapshot.checkpointEvent ?? null,
    documents: readStore.documentCount(snapshot.name, snapshot.generation),
    use: stale ? 'stale' : READ_BY_THE_SERVICE.has(snapshot.name) ? 'reads' : 'none',
  };
}

const USES: Record<SnapshotUse, string> = {
  reads: 'serves the reads, and the snapshots folded on it, as of its date and later',
  none: 'read by nothing in the service',
  stale: 'folded by an earlier version of its projection: read by nothing',
};

/** `ledger snapshots list|drop`: the snapshots `ledger rebuild --as-of/--known-at` wrote beside the read models. */
export function snapshotsCommand(io: CliIo): Command {
  const snapshots = new Command('snapshots').description('list and drop the snapshots written by ledger rebuild --as-of/--known-at');
  snapshots
    .command('list')
    .description('every snapshot: its point in time, the position of the log it was built at and the event there, its documents, and what reads it')
    .option(...dataDirOption)
    .option('--json', 'print JSON instead of text')
    .action((options: { dataDir?: string; json?: boolean }) =>
      withReadStore(options.dataDir, (readStore) => {
        const lines = readStore.snapshots().map((snapshot) => lineOf(snapshot, readStore));
        if (options.json) return io.out(JSON.stringify(lines));
        if (lines.length === 0) return io.out('no snapshots; ledger rebuild procedure-catalog --as-of DATE writes one');
        for (const line of lines) {
          const point = [line.asOf && `as of ${line.asOf}`, line.knownAt && `as known at ${line.knownAt}`].filter(Boolean).join(', ');
          const event = line.checkpointEvent ? `event ${line.checkpointEvent}` : 'its event not named: written before snapshots named it';
          io.out(`${line.label}  ${point}; built at position ${line.position} (${event}); ${line.documents} documents; ${USES[line.use]}`);
        }
      }),
    );
  snapshots
    .command('drop')
    .description('drop snapshots by label, with their documents; the live read models are left alone')
    .argument('<label...>')
    .option(...dataDirOption)
    .action((labels: string[], options: { dataDir?: string }) =>
      withReadStore(options.dataDir, (readStore) => {
        // Every label is checked before any is dropped: a mistyped one drops nothing.
        const unknown = labels.filter((label) => !readStore.snapshot(label));
        if (unknown.length > 0) throw new CliError(`no snapshot ${unknown.map((l) => `"${l}"`).join(', ')}; ledger snapshots list shows them`);
        for (const label of new Set(labels)) {
          readStore.dropSnapshot(label);
          io.out(`dropped snapshot ${label}`);
        }
      }),
    );
  return snapshots;
}
