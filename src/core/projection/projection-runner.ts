import { Logger } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { EventStore } from '../event-store/event-store.port';
import { AnyProjection } from './document-projection';
import { CheckpointWaiters, distanceTo, LiveProjections, lowestCheckpoint, ProjectionHealth, throwIfFailed } from './live-projections';
import { dropForeignSnapshots, foreignCheckpoint } from './checkpoint-event';
import { BatchTarget, GenerationReplacedError, ProjectionBatch, ProjectionFailedError } from './projection-batch';
import { SqliteReadStore } from './read-store';
import { rebuildProjections } from './rebuild';
import { nextTurn } from '../next-turn';

export interface ProjectionRunnerOptions {
  /** Events read and folded at a time. */
  readonly pageSize?: number;
  /**
   * How long the runner lets new writes gather at the head of the log before it folds them: under a stream of
   * writes, one fold and one flush then serve many commits. A reader waiting for its own writes cuts it short.
   */
  readonly gatherMs?: number;
  /** Told of the projections' health each time their checkpoints move or one of them fails. */
  readonly onProgress?: (health: ProjectionHealth[]) => void;
}

/**
 * Keeps projections up to date with the log, continuously, in the thread it runs in (the service's, or a worker's:
 * see ProjectionWorker): reads pages from the lowest checkpoint, folds them, flushes documents and checkpoints
 * together, then sleeps until the store reports a new event. A projection that is new, or whose definition version
 * changed, is first built from the whole log.
 */
export class ProjectionRunner extends LiveProjections {
  private readonly logger = new Logger(ProjectionRunner.name);
  private targets: BatchTarget[] = [];
  /** Projections to build whole before they are folded live: see loadTargets. */
  private toBuild: AnyProjection[] = [];
  /** Whether the live targets' checkpoints have been found in the log since they were loaded: see checkCheckpoints. */
  private checked = false;
  private readonly failures = new Map<string, string>();
  private readonly waiters = new CheckpointWaiters();
  private readonly pageSize: number;
  private readonly gatherMs: number;
  private wake = (): void => void (this.woken = true);
  private woken = false;
  /** Ends a pause for writes to gather early: a reader is waiting, or the runner stops. */
  private hurry?: () => void;
  private wakeUps?: Subscription;
  private running = false;
  private loop?: Promise<void>;

  constructor(
    private readonly store: EventStore,
    readStore: SqliteReadStore,
    readonly projections: readonly AnyProjection[],
    private readonly options: ProjectionRunnerOptions = {},
  ) {
    super(readStore);
    this.pageSize = options.pageSize ?? 2000;
    this.gatherMs = options.gatherMs ?? 20;
  }

  /** The lowest checkpoint: every projection has folded at least the log up to here. */
  get checkpoint(): number {
    return lowestCheckpoint(this.health());
  }

  /** Starts folding in the background; a store out of reach delays the folding, not the start. */
  async start(): Promise<void> {
    const dropped = this.readStore.dropOrphans();
    if (dropped.length > 0) this.logger.log(`dropped read-model tables left by a rebuild that stopped before its swap: ${dropped.join(', ')}`);
    this.loadTargets();
    // Here when the store answers, so that the health after the start is already true; the loop tries again if not.
    await this.checkCheckpoints().catch(() => undefined);
    this.running = true;
    this.loop = this.run();
  }

  /** Wake-ups on new events, from the store's subscription, once the store has been reached. */
  private async listen(): Promise<void> {
    if (this.wakeUps) return;
    const head = await this.store.headPosition();
    this.wakeUps = this.store.subscribeToAll({ fromPosition: head + 1 }).subscribe({
      next: () => this.wake(),
      error: (error: Error) => {
        this.logger.error(`lost the event store subscription: ${error.message}`);
        this.wakeUps = undefined;
      },
    });
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wakeUps?.unsubscribe();
    this.wake();
    this.hurry?.();
    await this.loop;
  }

  /**
   * Each projection's checkpoint (0 while it is built whole, and marked so; marked so too until its checkpoint has
   * been found in the log), and why it stopped if it did.
   */
  health(): ProjectionHealth[] {
    return this.projections.map((projection) => ({
      name: projection.name,
      version: projection.version,
      checkpoint: this.targets.find((t) => t.projection === projection)?.position ?? 0,
      ...((this.toBuild.includes(projection) || !this.checked) && { building: true as const }),
      ...(this.failures.has(projection.name) && { error: this.failures.get(projection.name) }),
    }));
  }

  async caughtUp(timeoutMs = 10_000): Promise<void> {
    await this.reach(await this.store.headPosition(), timeoutMs);
  }

  /** Resolves once every projection has folded the log up to `position`, folding at once rather than gathering. */
  async reach(position: number, timeoutMs = 10_000): Promise<void> {
    throwIfFailed(this.health());
    if (this.checkpoint >= position) return;
    const reached = this.waiters.wait(position, timeoutMs, () => distanceTo(this.health(), position));
    this.wake();
    this.hurry?.();
    await reached;
    throwIfFailed(this.health());
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        await this.listen();
        if (!this.checked) await this.checkCheckpoints();
        const toBuild = this.toBuild.filter((projection) => !this.failures.has(projection.name));
        if (toBuild.length > 0) {
          await this.build(toBuild);
          continue;
        }
        if (this.targets.some((t) => this.readStore.status(t.projection.name)?.generation !== t.generation)) {
          throw new GenerationReplacedError('a rebuild replaced a live read model');
        }
        const active = this.targets.filter((t) => !this.failures.has(t.projection.name));
        const from = Math.min(...active.map((t) => t.position)) + 1;
        const page = active.length ? await this.store.readAll({ fromPosition: from, maxCount: this.pageSize }) : [];
        if (page.length === 0) {
          this.release();
          await this.sleep();
          continue;
        }
        const batch = new ProjectionBatch(this.readStore, active, (streamId, upTo) => this.readStreamUpTo(streamId, upTo));
        await batch.apply(page);
        batch.flush();
        this.release();
        if (page.length < this.pageSize) await this.gather();
        // On SQLite every read resolves at once: without this, a backlog of pages would be folded in one chain of
        // promises, and the thread would answer nothing else (no request, no health check) until it was all done.
        else await nextTurn();
      } catch (error) {
        if (error instanceof ProjectionFailedError) {
          // That projection stops where it is and is reported; the others fold the page again without it.
          this.failures.set(error.target.projection.name, error.message);
          this.logger.error(error.message);
        } else if (error instanceof BuildStoppedError) {
          // stop() was called: the generations left half built are dropped at the next start.
        } else if (error instanceof GenerationReplacedError) {
          this.logger.log(`${error.message}; reloading`);
          this.loadTargets();
        } else {
          this.logger.error(`projection loop: ${(error as Error).message}`);
          await this.sleep(1000);
        }
      }
    }
  }

  /**
   * The projections whose live generation is of their current version are folded live from its checkpoint; the
   * others (new, or whose definition changed) are built whole first, as a rebuild builds them.
   */
  private loadTargets(): void {
    this.targets = [];
    this.toBuild = [];
    this.checked = false;
    for (const projection of this.projections) {
      const status = this.readStore.status(projection.name);
      if (status?.version !== projection.version) this.toBuild.push(projection);
      else this.targets.push({ projection, generation: status.generation, position: status.position, live: true });
    }
  }

  /**
   * A live read model whose checkpoint is not an event of this log was folded from another history (see
   * foreignCheckpoint): it is built whole from this log rather than folded on from there.
   */
  private async checkCheckpoints(): Promise<void> {
    // Found first, then set aside all at once: a store that stops answering halfway leaves the targets as they were.
    const foreign: AnyProjection[] = [];
    for (const target of this.targets) {
      const status = this.readStore.status(target.projection.name);
      const why = status && (await foreignCheckpoint(this.store, status));
      if (!why) continue;
      this.logger.warn(`${target.projection.name} was not folded from this log (${why}): building it again from this log`);
      foreign.push(target.projection);
    }
    this.targets = this.targets.filter((target) => !foreign.includes(target.projection));
    this.toBuild.push(...foreign);
    for (const { label, why } of await dropForeignSnapshots(this.store, this.readStore)) {
      this.logger.warn(`snapshot ${label} was not folded from this log (${why}): dropped; ledger rebuild --as-of/--known-at writes it again`);
    }
    this.checked = true;
  }

  /**
   * Builds the projections that have no live generation of their current version with the rebuild's passes (indexes
   * made once at the end, documents kept between pages, whole streams where the store can), several times faster
   * than folding the log page by page into an indexed table; they go live at the head of the log.
   */
  private async build(projections: readonly AnyProjection[]): Promise<void> {
    for (const projection of projections) {
      const status = this.readStore.status(projection.name);
      if (status) this.logger.log(`${projection.name} changed from version ${status.version} to ${projection.version}: rebuilding`);
    }
    await rebuildProjections(this.store, this.readStore, projections, {
      // Its own page, not the rebuild's 10,000: in the service's thread a page of the build holds every request
      // until it is folded (about 0.35 s for 10,000 events, 0.1 s for 2,000), and the build took no longer for it.
      pageSize: this.pageSize,
      betweenSteps: async () => {
        if (!this.running) throw new BuildStoppedError();
        await nextTurn();
      },
    });
    this.loadTargets();
  }

  private async readStreamUpTo(streamId: string, upTo: number) {
    return (await this.store.readStream(streamId)).filter((event) => event.position <= upTo);
  }

  /** The checkpoints moved (or a projection failed): waiting readers whose position is reached go on. */
  private release(): void {
    const health = this.health();
    this.options.onProgress?.(health);
    this.waiters.release(lowestCheckpoint(health));
  }

  /** At the head of the log, with nobody waiting: pauses so that the writes coming in are folded together. */
  private async gather(): Promise<void> {
    if (this.gatherMs <= 0 || this.waiters.waiting || !this.running) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.hurry?.(), this.gatherMs);
      this.hurry = () => {
        clearTimeout(timer);
        this.hurry = undefined;
        resolve();
      };
    });
  }

  /** Waits for a wake-up (a new event, a waiting reader, a stop) or the time-out; a wake-up that came early counts. */
  private sleep(ms = 1000): Promise<void> {
    if (this.woken) {
      this.woken = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.wake(), ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = () => void (this.woken = true);
        resolve();
      };
    });
  }
}

/** Thrown between the steps of a build when the runner is stopped, so that stopping does not wait for the build. */
class BuildStoppedError extends Error {}
