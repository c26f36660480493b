import { availableParallelism } from 'node:os';
import { LedgerConfig } from '../config/ledger-config';
import { EventStore } from '../core/event-store/event-store.port';
import { AnyProjection } from '../core/projection/document-projection';
import { TimeFilter } from '../core/projection/event-filter';
import { SqliteReadStore } from '../core/projection/read-store';
import { BuiltGenerations, finishRebuild, rebuildProjections, RebuildOptions, RebuildProgress, RebuildResult } from '../core/projection/rebuild';
import { startWorker } from '../core/threads/worker-script';

/** What a worker is given: plain data, since a worker shares no objects with its parent. */
export interface WorkerJob {
  readonly config: LedgerConfig;
  readonly projections: readonly string[];
  readonly options: TimeFilter & Pick<RebuildOptions, 'pageSize' | 'pageJsonLength' | 'keptBytes'>;
  readonly busyTimeoutMs: number;
}

export type WorkerMessage =
  | { readonly kind: 'progress'; readonly progress: RebuildProgress }
  | { readonly kind: 'built'; readonly built: BuiltGenerations }
  /** The worker's error as text: an error thrown across threads can arrive as a plain object, without its message. */
  | { readonly kind: 'failed'; readonly error: string };

export interface ParallelRebuildOptions extends RebuildOptions {
  /** Threads building generations at once (default: the machine's cores); one means no worker at all. */
  readonly workers?: number;
}

/** Long enough for another worker to create the indexes of a table of millions of documents. */
const WORKER_BUSY_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * A rebuild on several cores: the projections are shared out among worker threads, each of which reads the log on its
 * own and builds its projections' generations; this thread then catches them all up and swaps them in at once, as a
 * rebuild in one thread does. Each projection is folded alone, so the result is the same; reading the log once per
 * worker costs far less than the folding it spreads out.
 */
export async function rebuildInWorkers(
  config: LedgerConfig,
  store: EventStore,
  readStore: SqliteReadStore,
  projections: readonly AnyProjection[],
  options: ParallelRebuildOptions = {},
): Promise<RebuildResult> {
  const started = Date.now();
  const groups = shareOut(projections, options.workers ?? availableParallelism());
  if (groups.length <= 1) return rebuildProjections(store, readStore, projections, options);
  const { asOf, knownAt, pageSize, pageJsonLength, keptBytes, onProgress } = options;
  const progress: Array<RebuildProgress | undefined> = groups.map(() => undefined);
  const report = (worker: number, latest: RebuildProgress) => {
    progress[worker] = latest;
    // The rebuild is as far as its slowest worker.
    const all = progress.filter((p): p is RebuildProgress => p !== undefined);
    if (all.length === groups.length) onProgress?.(all.reduce((slowest, p) => (p.position < slowest.position ? p : slowest)));
  };
  const workers = groups.map((group, i) =>
    buildInWorker(
      { config, projections: group.map((p) => p.name), options: { asOf, knownAt, pageSize, pageJsonLength, keptBytes }, busyTimeoutMs: WORKER_BUSY_TIMEOUT_MS },
      (p) => report(i, p),
    ),
  );
  let outcomes: BuiltGenerations[];
  try {
    outcomes = await Promise.all(workers.map((w) => w.built));
  } catch (error) {
    // One worker failing fails the rebuild: the others are stopped rather than left to finish work nobody will use.
    await Promise.all(workers.map((w) => w.stop()));
    throw error;
  }
  // Every worker read the whole log: the events read are those of one of them, not their sum.
  const built: BuiltGenerations = { built: outcomes.flatMap((o) => o.built), events: Math.max(...outcomes.map((o) => o.events)) };
  return finishRebuild(store, readStore, projections, built, options, started);
}

function buildInWorker(job: WorkerJob, onProgress: (progress: RebuildProgress) => void): { built: Promise<BuiltGenerations>; stop: () => Promise<number> } {
  const worker = startWorker(__dirname, 'rebuild-worker', { workerData: job });
  const built = new Promise<BuiltGenerations>((resolve, reject) => {
    let result: BuiltGenerations | undefined;
    worker.on('message', (message: WorkerMessage) => {
      if (message.kind === 'progress') onProgress(message.progress);
      else if (message.kind === 'failed') reject(new Error(`a rebuild worker (${job.projections.join(', ')}) failed: ${message.error}`));
      else result = message.built;
    });
    worker.on('error', reject);
    worker.on('exit', (code) => (result ? resolve(result) : reject(new Error(`a rebuild worker (${job.projections.join(', ')}) stopped with code ${code} before it was done`))));
  });
  return { built, stop: () => worker.terminate() };
}

/**
 * The projections in at most `count` groups of about equal work, heaviest first into the lightest group. A projection
 * writing a document per event (the audit trail) weighs two: it writes every event, where the others write one
 * document per entity (written once where it is folded stream by stream, or kept in memory between pages).
 */
export function shareOut(projections: readonly AnyProjection[], count: number): AnyProjection[][] {
  const weight = (p: AnyProjection) => (p.documentPerEvent ? 2 : 1);
  const groups = Array.from({ length: Math.max(1, Math.min(count, projections.length)) }, () => ({ weight: 0, projections: [] as AnyProjection[] }));
  for (const projection of [...projections].sort((a, b) => weight(b) - weight(a))) {
    const lightest = groups.reduce((min, g) => (g.weight < min.weight ? g : min));
    lightest.projections.push(projection);
    lightest.weight += weight(projection);
  }
  return groups.map((g) => g.projections).filter((g) => g.length > 0);
}
