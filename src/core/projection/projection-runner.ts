import { Logger } from '@nestjs/common';
import { Subscription } from 'rxjs';
import { RecordedEvent } from '../event-envelope';
import { UnavailableError } from '../errors/ledger-errors';
import { EventStore } from '../event-store/event-store.port';
import { DocumentProjection } from './document-projection';

interface Waiter {
  readonly position: number;
  readonly resolve: () => void;
}

/**
 * Runs projections live from the global log, keeping their documents in memory.
 * All projections advance together behind one checkpoint: the position of the last event folded.
 */
export class ProjectionRunner {
  private readonly logger = new Logger(ProjectionRunner.name);
  private readonly documents = new Map<string, Map<string, unknown>>();
  private readonly byType = new Map<string, DocumentProjection[]>();
  private subscription?: Subscription;
  private waiters: Waiter[] = [];
  private failure?: Error;
  private position = 0;

  constructor(
    private readonly store: EventStore,
    private readonly projections: readonly DocumentProjection[],
  ) {
    for (const projection of projections) {
      this.documents.set(projection.name, new Map());
      for (const type of projection.handles) this.byType.set(type, [...(this.byType.get(type) ?? []), projection]);
    }
  }

  get checkpoint(): number {
    return this.position;
  }

  start(): void {
    this.subscription = this.store.subscribeToAll({ fromPosition: this.position + 1 }).subscribe({
      next: (event) => this.apply(event),
      error: (error: Error) => this.fail(error),
    });
  }

  stop(): void {
    this.subscription?.unsubscribe();
  }

  /** The documents of one projection, keyed by document id. */
  read<Doc>(name: string): ReadonlyMap<string, Doc> {
    const documents = this.documents.get(name);
    if (!documents) throw new Error(`no projection named ${name}`);
    return documents as Map<string, Doc>;
  }

  /** Resolves once every event stored when it was called has been folded: a reader sees its own writes. */
  async caughtUp(timeoutMs = 5000): Promise<void> {
    const head = await this.store.headPosition();
    if (this.failure) throw this.unavailable();
    if (this.position >= head) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(this.failure ? this.unavailable() : new UnavailableError(`read model is behind the log (at ${this.position} of ${head})`)), timeoutMs);
      this.waiters.push({ position: head, resolve: () => (clearTimeout(timer), resolve()) });
    });
  }

  private apply(event: RecordedEvent): void {
    if (this.failure) return;
    try {
      for (const projection of this.byType.get(event.type) ?? []) {
        const documents = this.documents.get(projection.name)!;
        const id = projection.documentId(event);
        const next = projection.evolve(documents.get(id), event);
        if (next === undefined) documents.delete(id);
        else documents.set(id, next);
      }
      this.position = event.position;
    } catch (error) {
      this.fail(error as Error, event);
      return;
    }
    if (this.waiters.length > 0) this.release();
  }

  private release(): void {
    const ready = this.waiters.filter((w) => w.position <= this.position);
    this.waiters = this.waiters.filter((w) => w.position > this.position);
    ready.forEach((w) => w.resolve());
  }

  private fail(error: Error, event?: RecordedEvent): void {
    this.failure = error;
    const where = event ? ` at position ${event.position} (${event.type})` : '';
    this.logger.error(`projections stopped${where}: ${error.message}`);
  }

  private unavailable(): UnavailableError {
    return new UnavailableError(`read model stopped at position ${this.position}: ${this.failure?.message}`);
  }
}
