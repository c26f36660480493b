import { parentPort, workerData } from 'node:worker_threads';
import { ALL_PROJECTIONS } from '../../projections';
import { openEventStore } from '../config/open-event-store';
import { openReadStore } from '../config/open-read-store';
import { buildGenerations } from '../core/projection/rebuild';
import { WorkerJob, WorkerMessage } from './rebuild-workers';

/**
 * A rebuild worker: builds the generations of its share of the projections, with connections of its own to the log
 * and to the read store, and reports its progress and what it built, or why it failed, which fails the rebuild.
 */
async function build(job: WorkerJob): Promise<void> {
  const post = (message: WorkerMessage) => parentPort!.postMessage(message);
  const store = await openEventStore(job.config);
  const readStore = openReadStore(job.config);
  // The other workers write to the same file; a worker creating its indexes holds the write lock for many seconds.
  readStore.db.pragma(`busy_timeout = ${job.busyTimeoutMs}`);
  try {
    const projections = job.projections.map((name) => ALL_PROJECTIONS.find((p) => p.name === name)!);
    const built = await buildGenerations(store, readStore, projections, { ...job.options, onProgress: (progress) => post({ kind: 'progress', progress }) });
    post({ kind: 'built', built });
  } finally {
    readStore.close();
    await store.close();
  }
}

void build(workerData as WorkerJob).catch((error: unknown) => {
  const code = (error as { code?: unknown })?.code;
  const text = error instanceof Error ? `${error.message}${typeof code === 'string' ? ` (${code})` : ''}` : String(error);
  parentPort!.postMessage({ kind: 'failed', error: text } satisfies WorkerMessage);
});
