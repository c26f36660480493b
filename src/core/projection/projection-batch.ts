import { CORRECTION } from '../corrections';
import { RecordedEvent } from '../event-envelope';
import { AnyProjection } from './document-projection';
import { accepter, refolded } from './document-fold';
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
  /** Documents read or changed, least recently used first; `undefined` marks one deleted. */
  readonly documents: Map<string, unknown>;
  /** Those changed since they were last written. */
  readonly dirty: Set<string>;
}

/**
 * Folds pages of the log into projections, holding changed documents in memory until `flush` writes them and the
 * checkpoints in one transaction: a crash between two flushes loses the batch and its checkpoint together, so the
 * batch is folded again on restart, never twice.
 *
 * A rebuild, whose targets are not live, may instead keep documents in memory from one flush to the next, up to about
 * `keptBytes` of them per target (their size as JSON), the least recently used written and dropped first, the rest
 * written by `flush({ all: true })`. A document that many pages change (a procedure amended and cut again and again)
 * is then read and parsed once and written once or a few times, instead of once per page. The bound is on size, not
 * on a number of documents, because documents grow as the log goes on (a procedure's cuts): memory stays flat.
 */
export class ProjectionBatch {
  private readonly pending = new Map<BatchTarget, Pending>();
  private readonly accepts = new Map<BatchTarget, (type: string) => boolean>();
  private upTo = 0;
  /** The id of the event at `upTo`: a live checkpoint names it (see checkpoint-event.ts). */
  private upToEvent = '';

  constructor(
    private readonly readStore: SqliteReadStore,
    readonly targets: readonly BatchTarget[],
    private readonly loadStream: StreamLoader,
    private readonly keptBytes = 0,
  ) {
    if (keptBytes > 0 && targets.some((t) => t.live)) {
      throw new Error('a live target writes its documents with its checkpoint: it cannot keep them unwritten');
    }
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
      this.upToEvent = event.id;
    }
  }

  /**
   * Writes what changed and moves every target to the last position applied, atomically. Documents beyond the most
   * recently used `keptBytes` are written and dropped; with `all`, every changed document is written.
   */
  flush({ all = false }: { all?: boolean } = {}): void {
    if (this.upTo === 0) return;
    const keep = (target: BatchTarget, pending: Pending) =>
      all || target.projection.documentPerEvent || this.keptBytes === 0 ? 0 : Math.floor(this.keptBytes / averageSize(pending));
    const dropped = new Map([...this.pending].map(([target, pending]) => [target, leastRecentlyUsed(pending, keep(target, pending))]));
    this.readStore.db.transaction(() => {
      for (const [target, pending] of this.pending) {
        if (target.live && !this.readStore.advance(target.projection.name, target.generation, this.upTo, this.upToEvent)) {
          throw new GenerationReplacedError(`${target.projection.name} generation ${target.generation} was replaced`);
        }
        for (const id of dropped.get(target)!) {
          if (!pending.dirty.has(id)) continue;
          const document = pending.documents.get(id);
          if (document === undefined) pending.table.delete(id);
          else pending.table.put(id, document);
        }
      }
    })();
    for (const [target, pending] of this.pending) {
      target.position = Math.max(target.position, this.upTo);
      for (const id of dropped.get(target)!) {
        pending.documents.delete(id);
        pending.dirty.delete(id);
      }
    }
  }

  private fold(target: BatchTarget, event: RecordedEvent): void {
    const pending = this.pending.get(target)!;
    const id = target.projection.documentId(event);
    const { documentPerEvent } = target.projection;
    const current = documentPerEvent ? undefined : pending.documents.has(id) ? pending.documents.get(id) : pending.table.get(id);
    touch(pending, id, target.projection.evolve(current, event));
  }

  private async refold(target: BatchTarget, correction: RecordedEvent): Promise<void> {
    const stream = await this.loadStream(correction.streamId, correction.position);
    const refold = refolded(target.projection, this.accepts.get(target)!, stream, correction);
    if (refold) touch(this.pending.get(target)!, refold.id, refold.document);
  }
}

/** Sets a changed document, moving it to the most recently used end of the map (a Map keeps insertion order). */
function touch(pending: Pending, id: string, document: unknown): void {
  pending.documents.delete(id);
  pending.documents.set(id, document);
  pending.dirty.add(id);
}

/**
 * The average size of a target's documents as JSON, from 64 of those in memory spread over the whole map (its oldest
 * alone are the least changed, hence the smallest): a fraction of a millisecond per flush, and it follows documents as
 * they grow.
 */
function averageSize(pending: Pending, sample = 64): number {
  const stride = Math.max(1, Math.floor(pending.documents.size / sample));
  let size = 0;
  let counted = 0;
  let index = 0;
  for (const document of pending.documents.values()) {
    if (index++ % stride !== 0 || document === undefined) continue;
    size += JSON.stringify(document).length;
    counted += 1;
  }
  return counted === 0 ? 1 : Math.max(1, size / counted);
}

/** The ids of the documents beyond the `keep` most recently used: all of them when `keep` is 0. */
function leastRecentlyUsed(pending: Pending, keep: number): string[] {
  const count = pending.documents.size - keep;
  const ids: string[] = [];
  if (count <= 0) return ids;
  for (const id of pending.documents.keys()) {
    ids.push(id);
    if (ids.length === count) break;
  }
  return ids;
}
