import { RecordedEvent } from '../event-envelope';
import { EventStore } from '../event-store/event-store.port';
import { AnyProjection } from './document-projection';
import { eventAt } from './checkpoint-event';
import { isFiltered, TimeFilter, timeFilter } from './event-filter';
import { BatchTarget, ProjectionBatch, StreamLoader } from './projection-batch';
import { SqliteReadStore } from './read-store';
import { buildByStream } from './stream-order-build';

export interface RebuildProgress {
  readonly position: number;
  readonly head: number;
  readonly events: number;
  readonly elapsedMs: number;
}

export interface RebuildOptions extends TimeFilter {
  readonly onProgress?: (progress: RebuildProgress) => void;
  /** Events read from the log at a time. */
  readonly pageSize?: number;
  /** Where the log is read by stream, a page also ends at this length of its events' JSON (DEFAULT_PAGE_JSON_LENGTH). */
  readonly pageJsonLength?: number;
  /**
   * About how much of its documents (as JSON) each projection folded in log order keeps in memory between pages; see
   * ProjectionBatch. Projections folded stream by stream keep none: each document is complete when written.
   */
  readonly keptBytes?: number;
  /**
   * Awaited after each page of the first phase and after each index made at its end: the live runner gives its thread
   * a turn there (on SQLite every read resolves at once, and a build would otherwise hold the thread until it ended),
   * and stops a build by throwing.
   */
  readonly betweenSteps?: () => Promise<void>;
}

/**
 * 10,000 events a page (the live runner reads 2,000): each page costs a read query and a write transaction, shared
 * by more events in a larger page; a page of events takes about 15 MB of memory while it is folded.
 */
export const DEFAULT_PAGE_SIZE = 10_000;

/**
 * About 10,000 events of the usual 400 characters. Read by stream, a log's decisions come together, each some 18,000
 * characters with its items, and a page of 10,000 events held them by the thousand: the larger the log, the larger
 * its first pages, and the garbage collector let the heap grow to several times them before collecting. See
 * docs/BENCHMARKS.md, "Rebuild memory at 2,000,000 events".
 */
export const DEFAULT_PAGE_JSON_LENGTH = 4_000_000;

/**
 * 64 MB of documents per projection folded in log order (as JSON; about 1.4 times that as objects): where the log
 * cannot be read stream by stream (EventStoreDB), a province's catalogue (a few thousand procedures) is kept whole,
 * and so is the synthetic one of 110,000 procedures of the benchmark, whose catalogue documents average under 500
 * bytes. Each document is then read and written once, where a miss costs a read, a parse, a serialisation and a write
 * to a random page (about 50 µs, against 3 µs for a hit).
 */
export const DEFAULT_KEPT_BYTES = 64 * 1024 * 1024;

export interface RebuildResult {
  readonly projections: readonly string[];
  /** Events read from the log. */
  readonly events: number;
  readonly position: number;
  readonly elapsedMs: number;
  readonly eventsPerSecond: number;
  /** Set when a time filter made this a snapshot beside the live read models rather than a replacement. */
  readonly snapshot?: string;
}

export const eventsPerSecond = (events: number, elapsedMs: number): number => Math.round(events / Math.max(elapsedMs / 1000, 0.001));

export const filterLabel = (filter: TimeFilter): string =>
  [filter.asOf && `asOf=${filter.asOf}`, filter.knownAt && `knownAt=${filter.knownAt}`].filter(Boolean).join('&');

export const snapshotLabel = (projection: string, filter: TimeFilter): string => `${projection}@${filterLabel(filter)}`;

/** A projection's fresh generation, folded up to `position`: the outcome of the first phase of a rebuild. */
export interface BuiltGeneration {
  readonly projection: string;
  readonly generation: number;
  readonly position: number;
}

export interface BuiltGenerations {
  readonly built: readonly BuiltGeneration[];
  /** Events read from the log. */
  readonly events: number;
}

/**
 * Replays the log into fresh generations beside the live ones, then swaps them in one transaction, catching up
 * with whatever was appended meanwhile; readers see the old read model until the swap and the new one after.
 * With a time filter, the result is kept as a snapshot instead and the live read models are left alone.
 */
export async function rebuildProjections(
  store: EventStore,
  readStore: SqliteReadStore,
  projections: readonly AnyProjection[],
  options: RebuildOptions = {},
): Promise<RebuildResult> {
  const started = Date.now();
  const built = await buildGenerations(store, readStore, projections, options);
  return finishRebuild(store, readStore, projections, built, options, started);
}

/**
 * The first phase, where nearly all the time goes: fresh generations folded up to the head of the log as it was when
 * the phase began, indexed, and not yet live. Where the store reads the log grouped by stream, projections whose
 * documents each fold one whole stream are built that way first (`buildByStream`), the others from the log in order.
 * Generations of different projections can be built by different threads at once (see the CLI's rebuild workers);
 * they share nothing but the files.
 */
export async function buildGenerations(
  store: EventStore,
  readStore: SqliteReadStore,
  projections: readonly AnyProjection[],
  options: RebuildOptions = {},
): Promise<BuiltGenerations> {
  const started = Date.now();
  const head = await store.headPosition();
  const readByStream = store.readAllByStream?.bind(store);
  const byStream = readByStream ? projections.filter((p) => p.foldsWholeStream) : [];
  const inLogOrder = projections.filter((p) => !byStream.includes(p));
  // Indexed once the documents are written (below), not on every write.
  const newGeneration = (projection: AnyProjection) => readStore.createGeneration(projection, { indexed: false });
  const progress = passesProgress([byStream, inLogOrder].filter((pass) => pass.length > 0).length, head, started, options.onProgress);
  const keep = timeFilter(options);

  const streamTargets = byStream.map((projection) => ({ projection, generation: newGeneration(projection), position: head }));
  const streamEvents =
    readByStream && streamTargets.length > 0
      ? await buildByStream(readStore, streamTargets, {
          readByStream,
          loadStream: streamLoader(store, keep),
          upToPosition: head,
          keep,
          pageSize: options.pageSize ?? DEFAULT_PAGE_SIZE,
          pageJsonLength: options.pageJsonLength ?? DEFAULT_PAGE_JSON_LENGTH,
          onPage: (events) => progress(0, { position: events, events }),
          betweenPages: options.betweenSteps,
        })
      : 0;

  const logTargets: BatchTarget[] = inLogOrder.map((projection) => ({ projection, generation: newGeneration(projection), position: 0, live: false }));
  const replayer = new Replayer(store, readStore, logTargets, { ...options, onProgress: (p) => progress(streamTargets.length > 0 ? 1 : 0, p) }, started);
  await replayer.replay(false, head);
  replayer.batch.flush({ all: true });

  const targets = [...streamTargets, ...logTargets];
  // One index at a time, with a step after each: each of the audit trail's takes about 0.1 s per 100,000 events.
  for (const t of targets) {
    for (const index of Object.keys(t.projection.indexes ?? {})) {
      readStore.createIndex(t.projection, t.generation, index);
      await options.betweenSteps?.();
    }
  }
  return {
    built: targets.map((t) => ({ projection: t.projection.name, generation: t.generation, position: t.position })),
    // Both passes read the same events: those read are the log's, not their sum.
    events: Math.max(streamEvents, replayer.events),
  };
}

/**
 * One progress over one or two passes over the log (grouped by stream, then in log order): each pass counts for its
 * share of the way, as if the passes were one read of the log. With gap-free positions (the only stores read by
 * stream), the events read by stream are as far along as a position.
 */
function passesProgress(
  passes: number,
  head: number,
  started: number,
  onProgress: RebuildOptions['onProgress'],
): (pass: number, progress: Pick<RebuildProgress, 'position' | 'events'>) => void {
  const along = Array.from({ length: passes }, () => ({ position: 0, events: 0 }));
  const share = (key: 'position' | 'events') => Math.floor(along.reduce((sum, pass) => sum + pass[key], 0) / passes);
  return (pass, { position, events }) => {
    along[pass] = { position, events };
    onProgress?.({ position: share('position'), head: Math.max(head, share('position')), events: share('events'), elapsedMs: Date.now() - started });
  };
}

const streamLoader =
  (store: EventStore, keep: (event: RecordedEvent) => boolean): StreamLoader =>
  async (streamId, upTo) =>
    (await store.readStream(streamId)).filter((event) => event.position <= upTo && keep(event));

/**
 * The second phase: brings the built generations up to the head, under the read store's write lock so that nothing
 * appended meanwhile is missed, and makes them live in the same transaction (or records them as a snapshot).
 */
export async function finishRebuild(
  store: EventStore,
  readStore: SqliteReadStore,
  projections: readonly AnyProjection[],
  { built, events: builtEvents }: BuiltGenerations,
  options: RebuildOptions = {},
  started = Date.now(),
): Promise<RebuildResult> {
  const targets: BatchTarget[] = projections.map((projection) => {
    const { generation, position } = built.find((b) => b.projection === projection.name)!;
    return { projection, generation, position, live: false };
  });
  let events = builtEvents;
  if (isFiltered(options)) {
    // A snapshot stands at the head the first phase reached: nothing to catch up. IMMEDIATE: see registerSnapshot.
    const checkpointEvents = await checkpointEventsOf(store, targets);
    readStore.db
      .transaction(() => {
        for (const t of targets) {
          readStore.registerSnapshot(t.projection, snapshotLabel(t.projection.name, options), t.generation, t.position, options, checkpointEvents.get(t.position) ?? null);
        }
      })
      .immediate();
  } else {
    const replayer = new Replayer(store, readStore, targets, options, started, builtEvents);
    readStore.db.exec('BEGIN IMMEDIATE');
    try {
      await replayer.replay(true, await store.headPosition());
      replayer.batch.flush({ all: true });
      // Looked up under the write lock held here.
      const checkpointEvents = await checkpointEventsOf(store, targets);
      for (const t of targets) readStore.makeLive(t.projection, t.generation, t.position, checkpointEvents.get(t.position));
      readStore.db.exec('COMMIT');
    } catch (error) {
      readStore.db.exec('ROLLBACK');
      throw error;
    }
    events = replayer.events;
  }
  const elapsedMs = Date.now() - started;
  const position = Math.min(...targets.map((t) => t.position));
  return {
    projections: targets.map((t) => t.projection.name),
    events,
    position: Number.isFinite(position) ? position : 0,
    elapsedMs,
    eventsPerSecond: eventsPerSecond(events, elapsedMs),
    ...(isFiltered(options) && { snapshot: filterLabel(options) }),
  };
}

/** Reads the log page after page from the lowest position of its targets and folds it into them. */
class Replayer {
  readonly batch: ProjectionBatch;
  private readonly keep;
  private readonly pageSize: number;

  constructor(
    private readonly store: EventStore,
    readStore: SqliteReadStore,
    private readonly targets: readonly BatchTarget[],
    private readonly options: RebuildOptions,
    private readonly started: number,
    public events = 0,
  ) {
    this.keep = timeFilter(options);
    this.pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
    // One batch for the whole replay, so that documents and prepared statements live from one page to the next.
    this.batch = new ProjectionBatch(readStore, targets, streamLoader(store, this.keep), options.keptBytes ?? DEFAULT_KEPT_BYTES);
  }

  private get position(): number {
    return Math.min(...this.targets.map((t) => t.position));
  }

  async replay(untilEmpty: boolean, head: number): Promise<void> {
    if (this.targets.length === 0) return;
    for (;;) {
      const page = await this.store.readAll({ fromPosition: this.position + 1, maxCount: this.pageSize });
      if (page.length === 0) return;
      await this.batch.apply(page.filter(this.keep));
      this.batch.flush();
      // Events filtered out still count as read: the next page starts after the last one.
      const last = page[page.length - 1].position;
      for (const t of this.targets) t.position = Math.max(t.position, last);
      this.events += page.length;
      this.options.onProgress?.({ position: this.position, head: Math.max(head, this.position), events: this.events, elapsedMs: Date.now() - this.started });
      if (!untilEmpty && page.length < this.pageSize) return;
      // Not in the second phase, which holds the read store's write lock until it ends.
      if (!untilEmpty) await this.options.betweenSteps?.();
    }
  }
}

/** The id of the event at each target's position; the targets mostly stand at one position, looked up once. */
async function checkpointEventsOf(store: EventStore, targets: readonly BatchTarget[]): Promise<Map<number, string | undefined>> {
  const events = new Map<number, string | undefined>();
  for (const { position } of targets) if (!events.has(position)) events.set(position, (await eventAt(store, position))?.id);
  return events;
}
