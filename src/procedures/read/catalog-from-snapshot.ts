import { CORRECTION } from '../../core/corrections';
import { TimeFilter } from '../../core/projection/event-filter';
import { ReadModel, Snapshot } from '../../core/projection/live-projections';
import { DocumentQuery } from '../../core/projection/read-store';
import { AuditEntry, auditEntryId, eventOfAuditEntry } from '../../../projections/audit-trail.projection';
import { CatalogEntry } from '../../../projections/procedure-catalog.projection';
import { foldCorrected } from '../procedure-stream';
import { procedureCodeOf } from '../procedure';
import { evolveProcedure, ProcedureFact } from '../procedure.state';
import type { ProcedureAt } from './procedure-timeline';

/** Entries read a page at a time where a range is read in windows (see SqliteReadStore.page). */
const PAGE = 1_000;

/**
 * The catalogue at `point` from a snapshot written for it, or for an earlier date as known at the same moment (see
 * LiveProjections.latestSnapshot), and the procedure events the snapshot lacks folded on top in log order, as its own
 * were: those recorded since it was built that count for the point and, from an earlier date, those that took effect
 * after that date and by the point's, wherever they are in the log.
 *
 * Folding on top gives what folding each stream whole gives, unless an event on top comes in its stream before one the
 * snapshot holds: a correction takes the date of the event it corrects, and any event may be recorded with a date before
 * its stream's last. Those streams, and every stream with a correction on top, are folded again whole from the trail.
 * Call inside one read transaction (LiveProjections.readTogether): nothing may be committed between the reads.
 */
export function catalogFromSnapshot(trail: ReadModel<AuditEntry>, snapshot: Snapshot<CatalogEntry>, point: TimeFilter): Map<string, ProcedureAt> {
  const catalog = new Map<string, ProcedureAt>();
  for (const { revision, ...procedure } of snapshot.model.documents()) catalog.set(procedure.code, { procedure, revision });
  const onTop = new Set<string>();
  const refold = new Set<string>();
  const fold = (entry: AuditEntry) => {
    const code = procedureCodeOf(entry);
    onTop.add(code);
    if (entry.type === CORRECTION) refold.add(code);
    if (refold.has(code)) return;
    const procedure = evolveProcedure(catalog.get(code)?.procedure, entry as unknown as ProcedureFact);
    if (procedure) catalog.set(code, { procedure, revision: entry.revision });
    else catalog.delete(code);
  };

  const procedures = { entity_type: 'procedure' };
  const countsBy = (asOf: string | undefined, from?: string) => ({ effective_date: { from, to: asOf }, recorded_at: { to: point.knownAt } });
  const built = auditEntryId(snapshot.status.position);
  const since = snapshot.status.asOf ?? undefined;
  let firstOnTop: string | undefined;
  // What took effect after the snapshot's date and by the point's, recorded before it was built...
  if (since !== undefined && since !== point.asOf) {
    for (const { id, document } of pages(trail, { where: procedures, ranges: countsBy(point.asOf, dayAfter(since)) }, built)) {
      firstOnTop ??= id;
      fold(document);
    }
  }
  // ...then what was recorded since, in log order after it.
  for (const { document } of trail.iterate({ where: procedures, ranges: countsBy(point.asOf), after: { value: built, id: built } })) fold(document);

  // Streams where an event taken effect since comes before one the snapshot holds.
  if (since !== undefined && firstOnTop !== undefined) {
    for (const code of datedBy(trail, countsBy(since), firstOnTop, built)) if (onTop.has(code)) refold.add(code);
  }
  for (const code of refold) {
    const stream = trail.iterate({ where: { ...procedures, entity_id: code }, ranges: countsBy(point.asOf) });
    const events = [...stream].map(({ document }) => eventOfAuditEntry(document));
    const procedure = foldCorrected(events);
    if (procedure) catalog.set(code, { procedure, revision: events.at(-1)!.revision });
    else catalog.delete(code);
  }
  return catalog;
}

/**
 * The codes of the procedure entries after `after` and up to `through` in the log within `ranges`: from the entries
 * after the first one on top, those the snapshot holds. Their entity's kind is checked here rather than asked, so that
 * the date's index finds them (with an equality, SQLite would walk the rest of the log).
 */
function* datedBy(trail: ReadModel<AuditEntry>, ranges: DocumentQuery['ranges'], after: string, through: string): Generator<string> {
  for (let cursor = after, more = true; more; ) {
    const page = trail.queryFields({ ranges, limit: PAGE, after: { value: cursor, id: cursor } }, { kind: 'entity_type', code: 'entity_id' });
    for (const { id, kind, code } of page) {
      if (id > through) return;
      if (kind === 'procedure') yield String(code);
    }
    more = page.length === PAGE;
    cursor = page.at(-1)?.id ?? cursor;
  }
}

/** The entries a query selects up to `through` in the log, a page at a time: a range's pages are read in windows. */
function* pages(trail: ReadModel<AuditEntry>, query: DocumentQuery, through: string): Generator<{ id: string; document: AuditEntry }> {
  for (let cursor: string | undefined, more = true; more; ) {
    const page = trail.query({ ...query, limit: PAGE, ...(cursor !== undefined && { after: { value: cursor, id: cursor } }) });
    for (const row of page) {
      if (row.id > through) return;
      yield row;
    }
    more = page.length === PAGE;
    cursor = page.at(-1)?.id;
  }
}

/** The day after a `YYYY-MM-DD` date, in the same form. */
function dayAfter(date: string): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
