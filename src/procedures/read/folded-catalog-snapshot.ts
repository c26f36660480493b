import { EventStore } from '../../core/event-store/event-store.port';
import { eventAt, foreignCheckpoint } from '../../core/projection/checkpoint-event';
import { TimeFilter } from '../../core/projection/event-filter';
import { ProjectionsAtRest } from '../../core/projection/projections-at-rest';
import { SnapshotStatus, SqliteReadStore } from '../../core/projection/read-store';
import { filterLabel } from '../../core/projection/rebuild';
import { writeSnapshot } from '../../core/projection/snapshot-writer';
import { auditTrailProjection } from '../../../projections/audit-trail.projection';
import { CatalogEntry, procedureCatalogProjection } from '../../../projections/procedure-catalog.projection';
import { catalogSnapshotAt, catalogsFromHeld, heldSnapshot, LIVE_BEYOND_AT_MOST } from './catalogs-from-held';
import { ProcedureAt } from './procedure-timeline';

export interface CatalogSnapshotFolded {
  readonly label: string;
  /** The catalogue held it was folded on: a snapshot, or the live catalogue. */
  readonly from: SnapshotStatus;
  /** Audit-trail entries folded on top of it. */
  readonly entries: number;
  /** The position of the log it stands at: as far as the audit trail had folded the log. */
  readonly position: number;
  readonly documents: number;
}

export type CatalogSnapshotFold = { readonly folded: CatalogSnapshotFolded } | { readonly notFolded: string };

/**
 * The catalogue's snapshot at a point in time, folded on the catalogue held nearest it (the live one, or the latest
 * earlier snapshot: see catalogSnapshotAt) with the audit trail's entries it lacks (see catalogsFromHeld), instead of
 * replayed from the whole log: a province that writes one snapshot a year folds each on the year before's, or on the
 * live catalogue when the year has just ended. The audit trail is read as the service left it, or as it is folding it
 * meanwhile; it must be the current projection's, folded from this log, and at least as far as the catalogue held.
 * When it cannot be done, nothing is written and `notFolded` says why, for the caller to replay the log instead.
 */
export async function foldedCatalogSnapshot(store: EventStore, readStore: SqliteReadStore, filter: TimeFilter): Promise<CatalogSnapshotFold> {
  const trail = readStore.status(auditTrailProjection.name);
  if (!trail) return { notFolded: 'the audit trail is not built yet' };
  if (trail.version !== auditTrailProjection.version) {
    return { notFolded: `the audit trail was folded by version ${trail.version} of its projection, not ${auditTrailProjection.version}; the service rebuilds it when it starts` };
  }
  const foreign = await foreignCheckpoint(store, trail);
  if (foreign) return { notFolded: `the audit trail was not folded from this log: ${foreign}` };

  const projections = new ProjectionsAtRest(readStore);
  type Read = { readonly notFolded: string } | (Omit<CatalogSnapshotFolded, 'label' | 'documents'> & { readonly catalog: Map<string, ProcedureAt> });
  const read = readStore.readTogether((): Read => {
    const held = catalogSnapshotAt(projections, filter);
    if (!held) {
      return {
        notFolded:
          `no snapshot of ${procedureCatalogProjection.name} at or before ${filterLabel(filter)}, and the live catalogue is not built or ` +
          `holds procedures with more than ${LIVE_BEYOND_AT_MOST} events beyond that point`,
      };
    }
    const position = projections.foldedUpTo(auditTrailProjection);
    const { status } = held.snapshot;
    if (position < status.position) return { notFolded: `the audit trail has folded the log up to position ${position}, short of the snapshot ${status.label} (${status.position})` };
    let entries = 0;
    const [catalog] = catalogsFromHeld(projections.readModel(auditTrailProjection), heldSnapshot(held), [filter.asOf], filter.knownAt, () => entries++);
    return { from: status, position, entries, catalog };
  });
  if ('notFolded' in read) return read;

  const { catalog, ...folded } = read;
  const checkpointEvent = (await eventAt(store, folded.position))?.id ?? null;
  const label = writeSnapshot(readStore, procedureCatalogProjection, filter, folded.position, checkpointEvent, catalogEntries(catalog));
  return { folded: { ...folded, label, documents: catalog.size } };
}

/** The catalogue's documents, as the projection folds them: the procedure with its revision. */
function* catalogEntries(catalog: ReadonlyMap<string, ProcedureAt>): Generator<readonly [string, CatalogEntry]> {
  for (const [code, { procedure, revision }] of catalog) yield [code, { ...procedure, revision }];
}
