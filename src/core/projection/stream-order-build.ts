import { CORRECTION } from '../corrections';
import { RecordedEvent } from '../event-envelope';
import { ReadByStreamOptions } from '../event-store/event-store.port';
import { AnyProjection } from './document-projection';
import { accepter, refolded } from './document-fold';
import { StreamLoader } from './projection-batch';
import { DocumentTable, SqliteReadStore } from './read-store';

export interface StreamOrderTarget {
  readonly projection: AnyProjection;
  readonly generation: number;
}

export interface StreamOrderBuild {
  /** A page of the log grouped by stream (EventStore.readAllByStream). */
  readonly readByStream: (options: ReadByStreamOptions) => Promise<RecordedEvent[]>;
  readonly loadStream: StreamLoader;
  /** The head of the log when the build began: later events are left to the catch-up that follows. */
  readonly upToPosition: number;
  readonly keep: (event: RecordedEvent) => boolean;
  readonly pageSize: number;
  /** A page ends early at this length of its events' JSON: see ReadByStreamOptions.maxJsonLength. */
  readonly pageJsonLength?: number;
  /** Called after each page with the events read so far. */
  readonly onPage?: (events: number) => void;
  /** Awaited after each page: see RebuildOptions.betweenSteps. */
  readonly betweenPages?: () => Promise<void>;
}

interface Folding {
  readonly projection: AnyProjection;
  readonly table: DocumentTable<unknown>;
  readonly accepts: (type: string) => boolean;
  /** The documents of the stream being read: they are complete once the next stream begins. */
  readonly current: Map<string, unknown>;
  /** Complete documents, written at the end of the page; `undefined` marks one removed. */
  readonly complete: Map<string, unknown>;
}

/**
 * Builds fresh generations of projections whose documents each fold one whole stream (`foldsWholeStream`) from the
 * log read stream after stream: a document is folded from its stream's first event to its last, then written once.
 * Nothing is looked up in the read store, and nothing is held but one page and the current stream's documents, so
 * memory stays flat however long the log and however many documents. In log order the same documents would be kept
 * in memory, or written and read back, while the events of every other stream went by. The documents are those a
 * fold in log order makes: each depends on the events of its own stream, in their order, and corrections are folded
 * as the log-order fold does (`refolded`). Returns the number of events read.
 */
export async function buildByStream(readStore: SqliteReadStore, targets: readonly StreamOrderTarget[], build: StreamOrderBuild): Promise<number> {
  const foldings: Folding[] = targets.map(({ projection, generation }) => ({
    projection,
    table: readStore.table(projection, generation),
    accepts: accepter(projection),
    current: new Map(),
    complete: new Map(),
  }));
  let events = 0;
  let streamId: string | undefined;
  let after: ReadByStreamOptions['after'];
  for (;;) {
    const page = await build.readByStream({ upToPosition: build.upToPosition, after, maxCount: build.pageSize, maxJsonLength: build.pageJsonLength });
    for (const event of page) {
      if (event.streamId !== streamId) {
        foldings.forEach(completeStream);
        streamId = event.streamId;
      }
      if (!build.keep(event)) continue;
      for (const folding of foldings) {
        if (event.type === CORRECTION) await refold(folding, event, build.loadStream);
        else fold(folding, event);
      }
    }
    events += page.length;
    // Only an empty page ends the log: one may end early, at its length of JSON.
    const more = page.length > 0;
    if (more) {
      const last = page[page.length - 1];
      after = { streamId: last.streamId, revision: last.revision };
    } else {
      // The log ends here: the last stream read is complete too.
      foldings.forEach(completeStream);
    }
    writeComplete(readStore, foldings);
    build.onPage?.(events);
    if (!more) return events;
    await build.betweenPages?.();
  }
}

function fold({ projection, accepts, current }: Folding, event: RecordedEvent): void {
  if (!accepts(event.type)) return;
  const id = projection.documentId(event);
  current.set(id, projection.evolve(current.get(id), event));
}

async function refold({ projection, accepts, current }: Folding, correction: RecordedEvent, loadStream: StreamLoader): Promise<void> {
  const refold = refolded(projection, accepts, await loadStream(correction.streamId, correction.position), correction);
  if (refold) current.set(refold.id, refold.document);
}

function completeStream({ current, complete }: Folding): void {
  for (const [id, document] of current) complete.set(id, document);
  current.clear();
}

function writeComplete(readStore: SqliteReadStore, foldings: readonly Folding[]): void {
  readStore.db.transaction(() => {
    for (const { table, complete } of foldings) {
      for (const [id, document] of complete) {
        if (document === undefined) table.delete(id);
        else table.put(id, document);
      }
      complete.clear();
    }
  })();
}
