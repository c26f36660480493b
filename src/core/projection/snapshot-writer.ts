import { DocumentProjection } from './document-projection';
import { TimeFilter } from './event-filter';
import { SqliteReadStore } from './read-store';
import { snapshotLabel } from './rebuild';

/**
 * Documents written per transaction: a service folding into the same read store waits for the write lock no longer
 * than one of them takes (tens of milliseconds), not for the whole snapshot.
 */
const DOCUMENTS_PER_TRANSACTION = 5_000;

/**
 * Writes documents folded elsewhere (not replayed from the log here) as a projection's snapshot at a point in time,
 * standing at `position` of the log, whose event there is `checkpointEvent`; replaces the snapshot of that label, if any,
 * in one transaction at the end.
 * Returns the label. A process that dies before the end leaves a generation nothing refers to, which the service
 * drops when it starts.
 */
export function writeSnapshot<Doc>(
  readStore: SqliteReadStore,
  projection: DocumentProjection<Doc>,
  filter: TimeFilter,
  position: number,
  checkpointEvent: string | null,
  documents: Iterable<readonly [id: string, document: Doc]>,
): string {
  const generation = readStore.createGeneration(projection, { indexed: false });
  const table = readStore.table(projection, generation);
  const write = readStore.db.transaction((chunk: ReadonlyArray<readonly [string, Doc]>) => chunk.forEach(([id, document]) => table.put(id, document)));
  let chunk: Array<readonly [string, Doc]> = [];
  for (const entry of documents) {
    chunk.push(entry);
    if (chunk.length < DOCUMENTS_PER_TRANSACTION) continue;
    write.immediate(chunk);
    chunk = [];
  }
  write.immediate(chunk);
  // Indexed once written, as a rebuild does: sorting the finished table is cheaper than keeping indexes up to date.
  readStore.createIndexes(projection, generation);
  const label = snapshotLabel(projection.name, filter);
  readStore.db.transaction(() => readStore.registerSnapshot(projection, label, generation, position, filter, checkpointEvent)).immediate();
  return label;
}
