import { applyCorrections, CORRECTION } from '../corrections';
import { RecordedEvent } from '../event-envelope';
import { ALL_EVENTS, AnyProjection } from './document-projection';
import { DocumentTable, SqliteReadStore } from './read-store';

/** One generation of one projection being brought forward. */
export interface BatchTarget {
  readonly projection: AnyProjection;
  readonly generation: number;
  /** Position of the last event already folded into this generation. */
  position: number;
  /** Live targets move their registry checkpoint with their documents; targets being rebuilt do not, yet. */
  readonly live: boolean;
}

/** Reads a stream up to a global position: what a whole-stream document is refolded from after a correction. */
export type StreamLoader = (streamId: string, upToPosition: number) => Promise<RecordedEvent[]>;

/** Thrown when a live generation was replaced under us (by a rebuild in another process): reload and go on. */
export class GenerationReplacedError extends Error {}

/** A projection's fold threw on an event: that projection stops there; the batch is discarded. */
export class ProjectionFailedError extends Error {
  constructor(
    readonly target: BatchTarget,
    readonly position: number,
    cause: unknown,
  ) {
    super(`projection ${target.projection.name} failed at position ${position}: ${(cause as Error)?.message ?? String(cause)}`);
  }
}

interface Pending {
  readonly table: DocumentTable<unknown>;
  /** Documents read or changed in this batch; `undefined` marks one deleted. */
  readonly documents: Map<string, unknown>;
  readonly dirty: Set<string>;
}

/**
 * Folds pages of the log into projections, holding changed documents in memory until `flush` writes them and the
 * checkpoints in one transaction: a crash between two flushes loses the batch and its checkpoint together, so the
 * batch is folded again on restart, never twice.
 */
export class ProjectionBatch {
  private readonly pending = new Map<BatchTarget, Pending>();
  private readonly accepts = new Map<BatchTarget, (type: string) => boolean>();
  private upTo = 0;

  constructor(
    private readonly readStore: SqliteReadStore,
    readonly targets: readonly BatchTarget[],
    private readonly loadStream: StreamLoader,
  ) {
    for (const target of targets) {
      this.pending.set(target, { table: readStore.table(target.projection, target.generation), documents: new Map(), dirty: new Set() });
      this.accepts.set(target, accepter(target.projection));
    }
  }

  async apply(events: readonly RecordedEvent[]): Promise<void> {
    for (const event of events) {
      for (const target of this.targets) {
        if (event.position <= target.position) continue;
        const { projection } = target;
        try {
          if (event.type === CORRECTION && projection.foldsWholeStream) await this.refold(target, event);
          else if (this.accepts.get(target)!(event.type)) this.fold(target, event);
        } catch (error) {
          throw new ProjectionFailedError(target, event.position, error);
        }
      }
      this.upTo = event.position;
    }
  }

  /** Writes what changed and moves every target to the last position applied, atomically. */
  flush(): void {
    if (this.upTo === 0) return;
    this.readStore.db.transaction(() => {
      for (const [target, pending] of this.pending) {
        if (target.live && !this.readStore.advance(target.projection.name, target.generation, this.upTo)) {
          throw new GenerationReplacedError(`${target.projection.name} generation ${target.generation} was replaced`);
        }
        for (const id of pending.dirty) {
          const document = pending.documents.get(id);
          if (document === undefined) pending.table.delete(id);
          else pending.table.put(id, document);
        }
      }
    })();
    for (const [target, pending] of this.pending) {
      target.position = Math.max(target.position, this.upTo);
      pending.documents.clear();
      pending.dirty.clear();
    }
  }

  private fold(target: BatchTarget, event: RecordedEvent): void {
    const pending = this.pending.get(target)!;
    const id = target.projection.documentId(event);
    const current = pending.documents.has(id) ? pending.documents.get(id) : pending.table.get(id);
    pending.documents.set(id, target.projection.evolve(current, event));
    pending.dirty.add(id);
  }

  private async refold(target: BatchTarget, correction: RecordedEvent): Promise<void> {
    const pending = this.pending.get(target)!;
    const stream = applyCorrections(await this.loadStream(correction.streamId, correction.position));
    let id: string | undefined;
    let document: unknown;
    for (const event of stream) {
      if (!this.accepts.get(target)!(event.type)) continue;
      id ??= target.projection.documentId(event);
      document = target.projection.evolve(document, event);
    }
    if (id === undefined) return;
    // A projection that also folds the correction itself (to move a revision, say) sees it last.
    if (this.accepts.get(target)!(correction.type)) document = target.projection.evolve(document, correction);
    pending.documents.set(id, document);
    pending.dirty.add(id);
  }
}

function accepter(projection: AnyProjection): (type: string) => boolean {
  if (projection.handles === ALL_EVENTS) return () => true;
  const types = new Set(projection.handles);
  return (type) => types.has(type);
}
