import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ALL_PROJECTIONS } from '../../projections';
import { EventStore } from '../core/event-store/event-store.port';
import { LiveProjections } from '../core/projection/live-projections';
import { ProjectionRunner } from '../core/projection/projection-runner';
import { ProjectionWorker } from '../core/projection/projection-worker';
import { SqliteReadStore } from '../core/projection/read-store';
import { startWorker } from '../core/threads/worker-script';
import { LedgerConfig } from './ledger-config';

/** What the projections' worker is given: plain data, since a worker shares no objects with the application. */
export interface LiveProjectionsJob {
  readonly config: LedgerConfig;
  readonly projections: readonly string[];
}

/**
 * How the application's projections are folded. In a worker thread where the configuration asks for one and it can
 * help: the worker opens the configured SQLite files itself (not a store handed in, nor one in memory), and on a
 * single core it would only compete with the requests. Otherwise, in the application's thread.
 */
export function liveProjections(config: LedgerConfig, options: { readonly storeHandedIn: boolean; readonly inThisThread?: boolean }) {
  const inWorker = config.projectionWorker && config.eventStore === 'sqlite' && !options.storeHandedIn && !options.inThisThread && availableParallelism() > 1;
  return (store: EventStore, readStore: SqliteReadStore): LiveProjections =>
    inWorker ? new ProjectionWorker(store, readStore, () => startLiveProjectionsWorker(config)) : new ProjectionRunner(store, readStore, ALL_PROJECTIONS);
}

export function startLiveProjectionsWorker(config: LedgerConfig): Worker {
  const job: LiveProjectionsJob = { config, projections: ALL_PROJECTIONS.map((p) => p.name) };
  return startWorker(join(__dirname, '..'), 'live-projections.worker', { workerData: job });
}
