import { UnavailableError } from '../errors/ledger-errors';
import { DocumentProjection } from './document-projection';
import { TimeFilter } from './event-filter';
import { DocumentFields, DocumentJson, DocumentQuery, DocumentRow, ProjectionStatus, SnapshotStatus, SqliteReadStore } from './read-store';

export interface ProjectionHealth {
  readonly name: string;
  readonly version: number;
  readonly checkpoint: number;
  /** Being built whole from the log (new, or its definition changed): nothing of it can be read yet. */
  readonly building?: true;
  readonly error?: string;
}

/** Read access to the live generation of one projection. */
export interface ReadModel<Doc> {
  get(id: string): Doc | undefined;
  query(query?: DocumentQuery): DocumentRow<Doc>[];
  /** Like `query`, the documents as stored JSON, unparsed; see SqliteReadStore.queryJson. */
  queryJson(query?: DocumentQuery): DocumentJson[];
  /** Chosen fields of the documents `query` selects, without parsing them; see SqliteReadStore.queryFields. */
  queryFields<Name extends string>(query: DocumentQuery, fields: Readonly<Record<Name, string>>): Array<DocumentFields<Name>>;
  /** Like `query`, read lazily; see SqliteReadStore.iterate. */
  iterate(query?: DocumentQuery): IterableIterator<DocumentRow<Doc>>;
  documents(): IterableIterator<Doc>;
  /** The documents whose indexed value is above `value`, read from that index; see SqliteReadStore.above. */
  above<Name extends string>(
    index: string,
    value: string | number,
    options: { readonly fields: Readonly<Record<Name, string>>; readonly throughId?: string; readonly limit: number },
  ): Array<DocumentFields<Name>>;
}

/**
 * The projections kept up to date with the log for the life of the application, however they are folded: in this
 * thread (ProjectionRunner) or in a worker thread of their own (ProjectionWorker). Queries read them through here,
 * from the read store both fold into.
 */
export abstract class LiveProjections {
  constructor(protected readonly readStore: SqliteReadStore) {}

  abstract start(): Promise<void>;
  abstract stop(): Promise<void>;
  abstract health(): ProjectionHealth[];
  /** Resolves once every event stored when it was called is folded: a reader sees its own writes. */
  abstract caughtUp(timeoutMs?: number): Promise<void>;

  /** A projection's live generation, looked up at each read: a rebuild may have swapped it since the last one. */
  readModel<Doc>(projection: DocumentProjection<Doc>): ReadModel<Doc> {
    return generationModel(this.readStore, projection, () => this.liveStatus(projection).generation);
  }

  /**
   * The position of the log a projection's live read model has folded up to: read in the same `readTogether` as the
   * read model, it names the log an answer was read from.
   */
  foldedUpTo<Doc>(projection: DocumentProjection<Doc>): number {
    return this.liveStatus(projection).position;
  }

  private liveStatus<Doc>(projection: DocumentProjection<Doc>): ProjectionStatus {
    const status = this.readStore.status(projection.name);
    if (!status) throw new UnavailableError(`read model ${projection.name} is not built yet`);
    return status;
  }

  /** Reads of several read models that must see one moment of them; see SqliteReadStore.readTogether. */
  readTogether<T>(read: () => T): T {
    return this.readStore.readTogether(read);
  }

  /**
   * A projection's live read model as a snapshot of every date, known at every moment, at the position it has folded:
   * for readers that fold on a snapshot, having set apart what it holds beyond their point. None while it is not built,
   * or built by another version of the projection.
   */
  liveSnapshot<Doc>(projection: DocumentProjection<Doc>): Snapshot<Doc> | undefined {
    const status = this.readStore.status(projection.name);
    if (status?.version !== projection.version) return undefined;
    const model = generationModel(this.readStore, projection, () => status.generation);
    return { status: { ...status, label: `${projection.name} (live)`, asOf: null, knownAt: null }, model };
  }

  /**
   * The latest snapshot `ledger rebuild --as-of/--known-at` wrote at or before this filter's point (see latestAt). Only
   * those written by the projection's current version: an older one was folded by another `evolve`.
   */
  latestSnapshot<Doc>(projection: DocumentProjection<Doc>, filter: TimeFilter, recordedBy?: (snapshot: SnapshotStatus) => boolean): Snapshot<Doc> | undefined {
    const status = latestAt(
      this.readStore.snapshots(projection.name).filter((s) => s.version === projection.version),
      filter,
      recordedBy,
    );
    return status && { status, model: generationModel(this.readStore, projection, () => status.generation) };
  }
}

/** A read model folded up to a point in time, and where the log stood when it was built. */
export interface Snapshot<Doc> {
  readonly status: SnapshotStatus;
  readonly model: ReadModel<Doc>;
}

/**
 * Of snapshots, the latest at or before a point: as of its date or an earlier one (any, for no date; no date counts as
 * the latest), and as known at the same moment (or at none). For a point known at a moment, a snapshot known at none
 * serves too when `recordedBy` says every event it folded had been recorded by that moment: it then holds what one
 * known at that moment would hold, up to its position. At the same date, one known at the same moment comes first.
 */
export function latestAt(
  snapshots: readonly SnapshotStatus[],
  { asOf, knownAt }: TimeFilter,
  recordedBy?: (snapshot: SnapshotStatus) => boolean,
): SnapshotStatus | undefined {
  const sameMoment = (s: SnapshotStatus) => s.knownAt === (knownAt ?? null);
  const dated = snapshots.filter((s) => asOf === undefined || (s.asOf !== null && s.asOf <= asOf));
  const latestFirst = (a: SnapshotStatus, b: SnapshotStatus) =>
    a.asOf !== b.asOf ? (a.asOf === null || (b.asOf !== null && a.asOf > b.asOf) ? -1 : 1) : Number(sameMoment(b)) - Number(sameMoment(a));
  // Asked in that order, and only as far as the first that serves: `recordedBy` reads the log's times.
  return dated.sort(latestFirst).find((s) => sameMoment(s) || (knownAt !== undefined && s.knownAt === null && recordedBy?.(s) === true));
}

function generationModel<Doc>(readStore: SqliteReadStore, projection: DocumentProjection<Doc>, generation: () => number): ReadModel<Doc> {
  return {
    get: (id) => readStore.table(projection, generation()).get(id),
    query: (query) => readStore.query(projection, generation(), query),
    queryJson: (query) => readStore.queryJson(projection, generation(), query),
    queryFields: (query, fields) => readStore.queryFields(projection, generation(), query, fields),
    iterate: (query) => readStore.iterate(projection, generation(), query),
    documents: () => readStore.documents(projection, generation()),
    above: (index, value, options) => readStore.above(projection, generation(), index, value, options),
  };
}

/**
 * The lowest checkpoint of the projections that have not failed: every one of them has folded the log up to here.
 * -1 while one is being built: its read model does not exist yet, even over an empty log (head 0), so a reader
 * waiting for position 0 must wait for the build too.
 */
export function lowestCheckpoint(health: readonly ProjectionHealth[]): number {
  const healthy = health.filter((p) => p.error === undefined);
  if (healthy.some((p) => p.building)) return -1;
  return healthy.length ? Math.min(...healthy.map((p) => p.checkpoint)) : 0;
}

/** How far the read models are from `position`, for the error a reader gets when it waited too long. */
export function distanceTo(health: readonly ProjectionHealth[], position: number): string {
  const building = health.filter((p) => p.building && p.error === undefined).map((p) => p.name);
  return building.length ? `${building.join(', ')} being built from the log` : `at ${lowestCheckpoint(health)} of ${position}`;
}

/** A failed projection makes its readers fail too, with its reason, rather than answer from a read model that stopped. */
export function throwIfFailed(health: readonly ProjectionHealth[]): void {
  const failed = health.find((p) => p.error !== undefined);
  if (failed) throw new UnavailableError(`read model ${failed.name} stopped: ${failed.error}`);
}

/** Readers waiting for the projections to reach a position of the log. */
export class CheckpointWaiters {
  private waiters: Array<{ position: number; resolve: () => void }> = [];

  get waiting(): boolean {
    return this.waiters.length > 0;
  }

  /** Resolves once `release` is called with a checkpoint at or past `position`; fails after `timeoutMs`. */
  wait(position: number, timeoutMs: number, behind: () => string): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.resolve !== done);
        reject(new UnavailableError(`read models are behind the log (${behind()})`));
      }, timeoutMs);
      const done = () => (clearTimeout(timer), resolve());
      this.waiters.push({ position, resolve: done });
    });
  }

  release(checkpoint: number): void {
    const ready = this.waiters.filter((w) => w.position <= checkpoint);
    if (ready.length === 0) return;
    this.waiters = this.waiters.filter((w) => w.position > checkpoint);
    ready.forEach((w) => w.resolve());
  }
}
