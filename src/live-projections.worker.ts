import { parentPort, workerData } from 'node:worker_threads';
import { ALL_PROJECTIONS } from '../projections';
import { LiveProjectionsJob } from './config/live-projections';
import { openEventStore } from './config/open-event-store';
import { openReadStore } from './config/open-read-store';
import { hostProjections } from './core/projection/projection-worker-host';
import { ProjectionRunner } from './core/projection/projection-runner';

/**
 * Appends announce themselves only within the thread that made them: the worker looks for the application's new
 * events this often, which bounds how long a new event waits before it is folded (a reader waiting for its own
 * writes does not wait for the poll: it asks the worker to fold at once).
 */
const POLL_INTERVAL_MS = 20;

/** The application's projections, folded in this worker thread (see ProjectionWorker). */
void hostProjections(parentPort!, async (options) => {
  const { config, projections } = workerData as LiveProjectionsJob;
  const store = await openEventStore(config, { pollIntervalMs: POLL_INTERVAL_MS });
  try {
    const readStore = openReadStore(config);
    const folded = projections.map((name) => ALL_PROJECTIONS.find((p) => p.name === name)!);
    return {
      runner: new ProjectionRunner(store, readStore, folded, options),
      close: async () => {
        readStore.close();
        await store.close();
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
});
