import { Injectable } from '@nestjs/common';
import { TimeFilter } from '../../core/projection/event-filter';
import { LiveProjections } from '../../core/projection/live-projections';
import { AuditEntry, auditTrailProjection } from '../../../projections/audit-trail.projection';
import { procedureCatalogProjection } from '../../../projections/procedure-catalog.projection';
import { Procedure } from '../procedure.state';
import { catalogsFromSnapshot } from './catalogs-from-snapshot';
import { catalogsFromTrail } from './catalogs-from-trail';

export interface ProcedureAt {
  readonly procedure: Procedure;
  readonly revision: number;
}

/** Sees the trail's procedure entries as a fold reads them, with their procedure's code. */
export type TrailVisit = (code: string, entry: AuditEntry) => void;

/**
 * The whole catalogue at any point on the two time axes: every procedure event that had taken effect by `asOf` and
 * was recorded by `knownAt`, corrections applied, folded from the audit trail, or from a snapshot and the trail.
 */
@Injectable()
export class ProcedureTimeline {
  constructor(private readonly projections: LiveProjections) {}

  /** The catalogue at one point on the two time axes (see `catalogsAt`). */
  async catalogAt(filter: TimeFilter): Promise<Map<string, ProcedureAt>> {
    return (await this.catalogsAt([filter.asOf], filter.knownAt))[0];
  }

  /**
   * The catalogue at each of several effective dates (undefined: every date), as known at one moment. From the latest
   * snapshot `ledger rebuild procedure-catalog` wrote at or before the earliest of them, when there is one, with the
   * procedure events it lacks folded on top (`catalogsFromSnapshot`); otherwise folded from the whole trail
   * (`catalogsFromTrail`). Either way in one reading of the trail, an entry folded into the catalogue of every date it
   * had taken effect by, as the trail is read, so that memory holds the catalogues, not their history; and in one read
   * transaction, so that the live runner cannot commit between the reads. `visit` sees every entry read, in log order,
   * for answers that need some of them too (none is kept): every entry that took effect after the earliest date and
   * by the latest is among them.
   */
  async catalogsAt(asOfs: ReadonlyArray<string | undefined>, knownAt?: string, visit?: TrailVisit): Promise<Array<Map<string, ProcedureAt>>> {
    await this.projections.caughtUp();
    const earliest = asOfs.reduce<string | undefined>((a, b) => (a === undefined ? b : b === undefined || a < b ? a : b), undefined);
    return this.projections.readTogether(() => {
      const snapshot = this.projections.latestSnapshot(procedureCatalogProjection, { asOf: earliest, knownAt });
      const trail = this.projections.readModel(auditTrailProjection);
      return snapshot ? catalogsFromSnapshot(trail, snapshot, asOfs, knownAt, visit) : catalogsFromTrail(trail, asOfs, knownAt, visit);
    });
  }
}
