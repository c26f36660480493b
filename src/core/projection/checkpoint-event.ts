import { RecordedEvent } from '../event-envelope';
import { EventStore } from '../event-store/event-store.port';
import { ProjectionStatus, SqliteReadStore } from './read-store';

/** The event at exactly `position` in the log, if there is one. */
export async function eventAt(store: EventStore, position: number): Promise<RecordedEvent | undefined> {
  if (position <= 0) return undefined;
  const [event] = await store.readAll({ fromPosition: position, maxCount: 1 });
  return event?.position === position ? event : undefined;
}

/**
 * Why a live read model was not folded from this log, or undefined when it may have been: its checkpoint names an
 * event (by position and id) that this log does not hold there. That happens when the read store outlives its log:
 * a log restored from an older backup (the checkpoint is past its head), or the same data folder used with another
 * backend (EventStoreDB numbers positions otherwise) or another ledger. Folding on from such a checkpoint would skip
 * the log's events up to it, or fold them on top of another history. A read store written before checkpoints named
 * their event is checked on the position alone.
 */
export async function foreignCheckpoint(store: EventStore, status: ProjectionStatus): Promise<string | undefined> {
  if (status.position === 0) return undefined;
  const event = await eventAt(store, status.position);
  if (!event) return `its checkpoint, position ${status.position}, is not an event of this log`;
  if (status.checkpointEvent && event.id !== status.checkpointEvent) {
    return `its checkpoint, event ${status.checkpointEvent} at position ${status.position}, is another event in this log (${event.id})`;
  }
  return undefined;
}

/**
 * Drops the snapshots not folded from this log (see foreignCheckpoint): a read folding the log's entries beyond a
 * snapshot's position onto it would mix two histories. Returns each label dropped with why. A snapshot written again
 * meanwhile under the same label is left alone. Snapshots are folds of the log, so nothing is lost: `ledger rebuild
 * --as-of/--known-at` writes them again.
 */
export async function dropForeignSnapshots(store: EventStore, readStore: SqliteReadStore): Promise<Array<{ label: string; why: string }>> {
  const dropped: Array<{ label: string; why: string }> = [];
  for (const snapshot of readStore.snapshots()) {
    const why = await foreignCheckpoint(store, snapshot);
    if (why && readStore.dropSnapshot(snapshot.label, snapshot.generation)) dropped.push({ label: snapshot.label, why });
  }
  return dropped;
}
