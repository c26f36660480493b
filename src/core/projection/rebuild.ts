import { EventStore } from '../event-store/event-store.port';
import { AnyProjection } from './document-projection';
import { isFiltered, TimeFilter, timeFilter } from './event-filter';
import { BatchTarget, ProjectionBatch } from './projection-batch';
import { SqliteReadStore } from './read-store';

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
  /** About how much of its documents (as JSON) each projection keeps in memory between pages; see ProjectionBatch. */
  readonly keptBytes?: number;
}

/**
 * 10,000 events a page (the live runner reads 2,000): each page costs a read query and a write transaction, shared
 * by more events in a larger page; a page of events takes about 15 MB of memory while it is folded.
 */
export const DEFAULT_PAGE_SIZE = 10_000;

/**
 * 64 MB of documents per projection (as JSON; about 1.4 times that as objects). A province's catalogue (a few thousand
 * procedures) is kept whole, and so is the synthetic one of 110,000 procedures of the benchmark, whose catalogue
 * documents average under 500 bytes: each document is then read and written once, where a miss costs a read, a parse,
 * a serialisation and a write to a random page (about 50 µs, against 3 µs for a hit).
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
  const keep = timeFilter(options);
  const pageSize = options.pageSize ?? DEFAULT_PAGE_SIZE;
  const loadStream = async (streamId: string, upTo: number) =>
    (await store.readStream(streamId)).filter((event) => event.position <= upTo && keep(event));
  const targets: BatchTarget[] = projections.map((projection) => ({
    projection,
    // Indexed once the documents are written (below), not on every write.
    generation: readStore.createGeneration(projection, { indexed: false }),
    position: 0,
    live: false,
  }));
  // One batch for the whole rebuild, so that documents and prepared statements live from one page to the next.
  const batch = new ProjectionBatch(readStore, targets, loadStream, options.keptBytes ?? DEFAULT_KEPT_BYTES);

  let events = 0;
  const replay = async (untilEmpty: boolean, head: number): Promise<void> => {
    for (;;) {
      const page = await store.readAll({ fromPosition: targets[0].position + 1, maxCount: pageSize });
      if (page.length === 0) return;
      await batch.apply(page.filter(keep));
      batch.flush();
      // Events filtered out still count as read: the next page starts after the last one.
      const last = page[page.length - 1].position;
      for (const t of targets) t.position = Math.max(t.position, last);
      events += page.length;
      options.onProgress?.({ position: targets[0].position, head: Math.max(head, targets[0].position), events, elapsedMs: Date.now() - started });
      if (!untilEmpty && page.length < pageSize) return;
    }
  };

  await replay(false, await store.headPosition());
  batch.flush({ all: true });
  for (const t of targets) readStore.createIndexes(t.projection, t.generation);
  if (isFiltered(options)) {
    readStore.db.transaction(() => {
      for (const t of targets) readStore.registerSnapshot(t.projection, snapshotLabel(t.projection.name, options), t.generation, t.position, options);
    })();
  } else {
    // Hold the read store's write lock while catching up the last appends, so the swap misses nothing.
    readStore.db.exec('BEGIN IMMEDIATE');
    try {
      await replay(true, await store.headPosition());
      batch.flush({ all: true });
      for (const t of targets) readStore.makeLive(t.projection, t.generation, t.position);
      readStore.db.exec('COMMIT');
    } catch (error) {
      readStore.db.exec('ROLLBACK');
      throw error;
    }
  }
  const elapsedMs = Date.now() - started;
  return {
    projections: projections.map((p) => p.name),
    events,
    position: targets[0]?.position ?? 0,
    elapsedMs,
    eventsPerSecond: eventsPerSecond(events, elapsedMs),
    ...(isFiltered(options) && { snapshot: filterLabel(options) }),
  };
}
