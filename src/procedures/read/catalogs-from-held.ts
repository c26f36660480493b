import { CORRECTION } from '../../core/corrections';
import { TimeFilter } from '../../core/projection/event-filter';
import { LiveProjections, ReadModel, Snapshot } from '../../core/projection/live-projections';
import { SnapshotStatus } from '../../core/projection/read-store';
import { AuditEntry, auditEntryId, auditTrailProjection, eventOfAuditEntry } from '../../../projections/audit-trail.projection';
import { CatalogEntry, procedureCatalogProjection } from '../../../projections/procedure-catalog.projection';
import { foldCorrected } from '../procedure-stream';
import { procedureCodeOf } from '../procedure';
import { ProcedureFact } from '../procedure.state';
import { evolvedOnce, inEffectBy, latestOf } from './catalogs-from-trail';
import type { ProcedureAt, TrailVisit } from './procedure-timeline';

/** Entries read a page at a time, so that a range is read in windows (see SqliteReadStore.page). */
const PAGE = 1_000;

/**
 * A catalogue already folded as of a date (undefined: every date) from the log up to a position, as known at the moment
 * it is read for: a snapshot's, or the last one read at that point. `catalog` is handed over, to be folded on.
 */
export interface HeldCatalog {
  readonly asOf: string | undefined;
  readonly position: number;
  readonly catalog: Map<string, ProcedureAt>;
  /**
   * Procedures it holds beyond the point it is read for (an event that took effect after the date, or was recorded after
   * the moment): folded again whole from the trail.
   */
  readonly beyond?: ReadonlySet<string>;
}

/** A catalogue held to fold on, and the procedures it holds beyond the point it is read for. */
export interface NearestHeld {
  readonly snapshot: Snapshot<CatalogEntry>;
  readonly beyond: ReadonlySet<string>;
}

/**
 * The trail's entries beyond a point (that took effect after its date, or were recorded after its moment) that the
 * live catalogue may hold, each of whose procedures is then folded again whole from the trail: a few, for a read as of
 * a recent date or known at a recent moment. More than these, and the latest snapshot before the point is cheaper.
 */
export const LIVE_BEYOND_AT_MOST = 5_000;

/**
 * The catalogue held nearest a point, to fold on:
 * - a snapshot of the point's very date (as of the end of a year, for its report), with only what was recorded since;
 * - else the live catalogue, when few of the trail's entries are beyond the point (LIVE_BEYOND_AT_MOST): their
 *   procedures are folded again whole, and what was recorded since is folded on it;
 * - else the latest snapshot at or before the point (see latestAt), with the entries since its date.
 * A snapshot known at no moment serves a point known at a moment when none of the entries it folded was recorded after
 * it. Both look-ups ask the trail's date or time index for the entries above the point, from there up: few, for a
 * recent point, where the log's dates and times seldom go back (the stores never write a time earlier than the one
 * before).
 */
export function catalogSnapshotAt(projections: LiveProjections, filter: TimeFilter): NearestHeld | undefined {
  const trail = projections.readModel(auditTrailProjection);
  const trailPosition = projections.foldedUpTo(auditTrailProjection);
  const recordedBy = ({ position }: SnapshotStatus) =>
    position <= trailPosition && trail.above('recorded_at', filter.knownAt!, { fields: {}, throughId: auditEntryId(position), limit: 1 }).length === 0;
  const snapshot = projections.latestSnapshot(procedureCatalogProjection, filter, recordedBy);
  if (snapshot && snapshot.status.asOf === (filter.asOf ?? null)) return { snapshot, beyond: new Set() };

  const live = projections.liveSnapshot(procedureCatalogProjection);
  const beyond = live && live.status.position <= trailPosition ? proceduresBeyond(trail, filter) : undefined;
  // Its procedures beyond the point set apart, it is the catalogue as of the point's date: held as such, the entries
  // between the dates of a read at several are read (and seen) as on a snapshot of that date.
  if (live && beyond) return { snapshot: { ...live, status: { ...live.status, asOf: filter.asOf ?? null } }, beyond };
  return snapshot && { snapshot, beyond: new Set() };
}

/** The procedures with an entry beyond a point; undefined when there are more than LIVE_BEYOND_AT_MOST such entries. */
function proceduresBeyond(trail: ReadModel<AuditEntry>, { asOf, knownAt }: TimeFilter): Set<string> | undefined {
  const codes = new Set<string>();
  let entries = 0;
  for (const [index, value] of [['effective_date', asOf], ['recorded_at', knownAt]] as const) {
    if (value === undefined) continue;
    const above = trail.above(index, value, { fields: { kind: 'entity_type', code: 'entity_id' }, limit: LIVE_BEYOND_AT_MOST + 1 - entries });
    entries += above.length;
    if (entries > LIVE_BEYOND_AT_MOST) return undefined;
    for (const { kind, code } of above) if (kind === 'procedure') codes.add(String(code));
  }
  return codes;
}

/** A snapshot's documents as a catalogue held, to fold on. */
export function heldSnapshot({ snapshot, beyond }: NearestHeld): HeldCatalog {
  const catalog = new Map<string, ProcedureAt>();
  for (const { revision, ...procedure } of snapshot.model.documents()) catalog.set(procedure.code, { procedure, revision });
  return { asOf: snapshot.status.asOf ?? undefined, position: snapshot.status.position, catalog, beyond };
}

/**
 * The catalogue at each of several effective dates, as known at one moment (see TimelineMoment.catalogsAt), from a
 * catalogue held as of the earliest of those dates or an earlier one: a snapshot's or the live one (see
 * catalogSnapshotAt), or one read before. The procedure events it lacks are folded on top in log order, as its own were: those that took
 * effect after its date and by the latest date, wherever they are in the log, and those recorded since it was folded
 * that count for the latest date; each into the catalogue of every date it had taken effect by.
 *
 * Folding on top gives what folding each stream whole gives, unless an event on top comes in its stream before one the
 * held catalogue has folded: a correction takes the date of the event it corrects, and any event may be recorded with
 * a date before its stream's last. Those streams, every stream with a correction on top, and those the held catalogue
 * holds beyond the point (`beyond`) are folded again whole from the trail. Call inside one read transaction (LiveProjections.readTogether): nothing may be committed between
 * the reads.
 */
export function catalogsFromHeld(
  trail: ReadModel<AuditEntry>,
  held: HeldCatalog,
  asOfs: ReadonlyArray<string | undefined>,
  knownAt: string | undefined,
  visit?: TrailVisit,
): Array<Map<string, ProcedureAt>> {
  // The catalogues share the held states, and each state evolved the same way (see evolvedOnce).
  const catalogs = asOfs.map((_, i) => (i === 0 ? held.catalog : new Map(held.catalog)));
  const onTop = new Set<string>();
  const refold = new Set(held.beyond);
  const fold = (entry: AuditEntry) => {
    const code = procedureCodeOf(entry);
    visit?.(code, entry);
    onTop.add(code);
    if (entry.type === CORRECTION) refold.add(code);
    if (refold.has(code)) return;
    const evolve = evolvedOnce(entry as unknown as ProcedureFact);
    asOfs.forEach((asOf, i) => {
      if (!inEffectBy(asOf, entry)) return;
      const procedure = evolve(catalogs[i].get(code)?.procedure);
      if (procedure) catalogs[i].set(code, { procedure, revision: entry.revision });
      else catalogs[i].delete(code);
    });
  };

  const procedures = { entity_type: 'procedure' };
  const latest = latestOf(asOfs);
  const countsBy = (asOf: string | undefined, from?: string) => ({ effective_date: { from, to: asOf }, recorded_at: { to: knownAt } });
  const built = auditEntryId(held.position);
  const since = held.asOf;
  let firstOnTop: string | undefined;
  // What took effect after the held date and by the latest date, recorded before it was folded...
  const nextDay = since === undefined || since === latest ? undefined : dayAfter(since);
  if (nextDay !== undefined) {
    const query = { where: procedures, ranges: countsBy(latest, nextDay), limit: PAGE };
    for (const { id, document } of upTo(built, (after) => trail.query({ ...query, ...(after !== undefined && { after: { value: after, id: after } }) }))) {
      firstOnTop ??= id;
      fold(document);
    }
  }
  // ...then what was recorded since, in log order after it.
  for (const { document } of trail.iterate({ where: procedures, ranges: countsBy(latest), after: { value: built, id: built } })) fold(document);

  // Streams where an event taken effect since comes before one held: the entries held after the first one on top.
  // Their entity's kind is checked here rather than asked, so that the date's index finds them (with an equality,
  // SQLite would walk the rest of the log).
  if (since !== undefined && firstOnTop !== undefined) {
    const start = firstOnTop;
    const query = { ranges: countsBy(since), limit: PAGE };
    const fields = { kind: 'entity_type', code: 'entity_id' };
    const heldAfter = upTo(built, (after = start) => trail.queryFields({ ...query, after: { value: after, id: after } }, fields));
    for (const { kind, code } of heldAfter) if (kind === 'procedure' && onTop.has(String(code))) refold.add(String(code));
  }
  for (const code of refold) {
    const stream = [...trail.iterate({ where: { ...procedures, entity_id: code }, ranges: countsBy(latest) })].map(({ document }) => document);
    asOfs.forEach((asOf, i) => {
      const events = stream.filter((entry) => inEffectBy(asOf, entry)).map(eventOfAuditEntry);
      const procedure = foldCorrected(events);
      if (procedure) catalogs[i].set(code, { procedure, revision: events.at(-1)!.revision });
      else catalogs[i].delete(code);
    });
  }
  return catalogs;
}

/** The rows of a query read a page at a time (`read`, from after a row's id), up to `through` in the log. */
function* upTo<Row extends { readonly id: string }>(through: string, read: (after: string | undefined) => Row[]): Generator<Row> {
  for (let cursor: string | undefined, more = true; more; ) {
    const page = read(cursor);
    for (const row of page) {
      if (row.id > through) return;
      yield row;
    }
    more = page.length === PAGE;
    cursor = page.at(-1)?.id;
  }
}

/** The day after a `YYYY-MM-DD` date, in the same form; none after the last such date. */
function dayAfter(date: string): string | undefined {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  const text = day.toISOString();
  // After 9999-12-31 the year takes more digits (+010000-01-01T…): no effective date is written so.
  return text.length === '0000-00-00T00:00:00.000Z'.length ? text.slice(0, 10) : undefined;
}
