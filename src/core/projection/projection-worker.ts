import { Logger } from '@nestjs/common';
import { Worker } from 'node:worker_threads';
import { EventStore } from '../event-store/event-store.port';
import { CheckpointWaiters, distanceTo, LiveProjections, lowestCheckpoint, ProjectionHealth, throwIfFailed } from './live-projections';
import { FromProjectionWorker, ToProjectionWorker } from './projection-worker-protocol';
import { SqliteReadStore } from './read-store';

/** How long a stopping worker may take to finish its page and close its connections before it is ended. */
const STOP_TIMEOUT_MS = 10_000;
/** Waits before starting a worker again after it stopped on its own, doubling up to the last. */
const RESTART_DELAYS_MS = [1000, 2000, 5000, 10_000, 30_000];

/**
 * The projections folded in a worker thread of their own (see projection-worker-host.ts), so that folding never holds
 * up the requests this thread serves and takes the machine's other core. The worker has its own connections to the
 * log and the read store; this thread reads the read models through its own, and knows how far they are from the
 * progress the worker reports. A worker that stops on its own is reported in the health and started again.
 */
export class ProjectionWorker extends LiveProjections {
  private readonly logger = new Logger(ProjectionWorker.name);
  private readonly waiters = new CheckpointWaiters();
  private latest: ProjectionHealth[] = [];
  private worker?: Worker;
  private stopping = false;
  private restarts = 0;
  private restartTimer?: NodeJS.Timeout;

  constructor(
    private readonly store: EventStore,
    readStore: SqliteReadStore,
    /** Starts the worker thread: a script that calls hostProjections. */
    private readonly spawn: () => Worker,
  ) {
    super(readStore);
  }

  /** Resolves once the worker has loaded the projections, so that the read models exist before any request. */
  async start(): Promise<void> {
    this.stopping = false;
    await this.launch();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const worker = this.worker;
    if (!worker) return;
    const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
    this.send({ kind: 'stop' });
    const timer = setTimeout(() => void worker.terminate(), STOP_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }

  health(): ProjectionHealth[] {
    return this.latest;
  }

  async caughtUp(timeoutMs = 10_000): Promise<void> {
    const head = await this.store.headPosition();
    throwIfFailed(this.latest);
    if (lowestCheckpoint(this.latest) >= head) return;
    const reached = this.waiters.wait(head, timeoutMs, () => distanceTo(this.latest, head));
    this.send({ kind: 'reach', position: head });
    await reached;
    throwIfFailed(this.latest);
  }

  private launch(): Promise<void> {
    const worker = this.spawn();
    this.worker = worker;
    return new Promise<void>((resolve, reject) => {
      let started = false;
      worker.on('message', (message: FromProjectionWorker) => {
        switch (message.kind) {
          case 'started':
            started = true;
            this.restarts = 0;
            this.progress(message.health);
            resolve();
            break;
          case 'progress':
            this.progress(message.health);
            break;
          case 'log':
            new Logger(message.context ?? ProjectionWorker.name)[message.level](message.message);
            break;
          case 'failed':
            if (!started) reject(new Error(`the projections could not start: ${message.error}`));
            else this.logger.error(`the projection worker failed: ${message.error}`);
            break;
        }
      });
      worker.on('error', (error) => {
        if (!started) reject(error);
        else this.logger.error(`the projection worker failed: ${error.message}`);
      });
      worker.on('exit', (code) => {
        if (this.worker === worker) this.worker = undefined;
        if (!started) reject(new Error(`the projection worker stopped with code ${code} before it started`));
        else if (!this.stopping) this.restartLater(`the projection worker stopped (code ${code})`);
      });
    });
  }

  private progress(health: ProjectionHealth[]): void {
    this.latest = health;
    this.waiters.release(lowestCheckpoint(health));
  }

  /**
   * Reports every projection as stopped, so that readers get an answer at once (unavailable, with the reason) rather
   * than wait for a worker that is not there, and starts the worker again after a while.
   */
  private restartLater(reason: string): void {
    const delay = RESTART_DELAYS_MS[Math.min(this.restarts, RESTART_DELAYS_MS.length - 1)];
    this.restarts += 1;
    const error = `${reason}; starting it again in ${delay / 1000} s`;
    this.logger.error(error);
    this.latest = this.latest.map((p) => ({ ...p, error }));
    this.waiters.release(Number.POSITIVE_INFINITY);
    this.restartTimer = setTimeout(() => {
      if (this.stopping) return;
      this.launch().catch((failure: Error) => !this.stopping && this.restartLater(failure.message));
    }, delay);
  }

  private send(message: ToProjectionWorker): void {
    this.worker?.postMessage(message);
  }
}
