import { Injectable } from '@nestjs/common';
import { TimeFilter } from '../../core/projection/event-filter';
import { LiveProjections } from '../../core/projection/live-projections';
import { AuditEntry, auditTrailProjection } from '../../../projections/audit-trail.projection';
import { Procedure } from '../procedure.state';
import { catalogSnapshotAt, catalogsFromHeld, HeldCatalog, heldSnapshot } from './catalogs-from-held';
import { catalogsFromTrail, earliestOf } from './catalogs-from-trail';

export interface ProcedureAt {
  readonly procedure: Procedure;
  readonly revision: number;
}

/** Sees the trail's procedure entries as a fold reads them, with their procedure's code. */
export type TrailVisit = (code: string, entry: AuditEntry) => void;

/** The catalogues at one moment of the read models, and how far the audit trail had folded the log then. */
export interface TimelineMoment {
  /** The key of any answer made from this moment's catalogues: the same question over the same log, the same answer. */
  readonly position: number;
  /**
   * The catalogue at each of several effective dates (undefined: every date), as known at `knownAt`. From the live
   * catalogue or the latest snapshot `ledger rebuild procedure-catalog` wrote at or before the earliest of them (see
   * catalogSnapshotAt), when one serves, with the procedure events it lacks folded on top (`catalogsFromHeld`);
   * otherwise folded from the whole trail (`catalogsFromTrail`). Either way in one reading of the trail, an entry folded
   * into the catalogue of every date it had taken effect by, as the trail is read, so that memory holds the catalogues,
   * not their history. `visit` sees every entry read, in log order, for answers that need some of them too (none is
   * kept): every entry that took effect after the earliest date and by the latest is among them.
   */
  catalogsAt(asOfs: ReadonlyArray<string | undefined>, knownAt?: string, visit?: TrailVisit): Array<Map<string, ProcedureAt>>;
}

/**
 * The whole catalogue at any point on the two time axes: every procedure event that had taken effect by `asOf` and
 * was recorded by `knownAt`, corrections applied, folded from the audit trail, or from a snapshot and the trail.
 */
@Injectable()
export class ProcedureTimeline {
  /**
   * The last catalogue read, and the point it was read at. An inspector pages through the catalogue at one point, or
   * sums it another way, each page a request: over the same log it is the same catalogue, and over a log that has
   * moved since, it is folded on from there, with only what was recorded since (while the reform office records, the
   * log moves between an inspector's pages). One only: a catalogue holds about 70 MB at 1,000,000 events.
   */
  private last?: { readonly point: string; readonly held: HeldCatalog };

  constructor(private readonly projections: LiveProjections) {}

  /** The catalogue at one point on the two time axes (see TimelineMoment.catalogsAt); shared with other readers: never change it. */
  catalogAt(filter: TimeFilter): Promise<ReadonlyMap<string, ProcedureAt>> {
    const point = JSON.stringify([filter.asOf ?? null, filter.knownAt ?? null]);
    return this.atOneMoment(({ position }) => {
      const last = this.last?.point === point && this.last.held.position <= position ? this.last.held : undefined;
      if (last?.position === position) return last.catalog;
      // Folded on a copy: readers of the last one may still hold it.
      const onTopOf = last && { ...last, catalog: new Map(last.catalog) };
      const [catalog] = this.read([filter.asOf], filter.knownAt, undefined, onTopOf);
      this.last = { point, held: { asOf: filter.asOf, position, catalog } };
      return catalog;
    });
  }

  /**
   * Runs `work` over one moment of the read models, once every event stored when it was called is folded: in one read
   * transaction, so that the live runner cannot commit between its reads.
   */
  async atOneMoment<T>(work: (moment: TimelineMoment) => T): Promise<T> {
    await this.projections.caughtUp();
    return this.projections.readTogether(() =>
      work({ position: this.projections.foldedUpTo(auditTrailProjection), catalogsAt: (asOfs, knownAt, visit) => this.read(asOfs, knownAt, visit) }),
    );
  }

  /** From `held` when given, else from the catalogue held nearest the earliest date (catalogSnapshotAt), else from the whole trail. */
  private read(asOfs: ReadonlyArray<string | undefined>, knownAt?: string, visit?: TrailVisit, held?: HeldCatalog): Array<Map<string, ProcedureAt>> {
    const trail = this.projections.readModel(auditTrailProjection);
    if (held) return catalogsFromHeld(trail, held, asOfs, knownAt, visit);
    const nearest = catalogSnapshotAt(this.projections, { asOf: earliestOf(asOfs), knownAt });
    return nearest ? catalogsFromHeld(trail, heldSnapshot(nearest), asOfs, knownAt, visit) : catalogsFromTrail(trail, asOfs, knownAt, visit);
  }
}
