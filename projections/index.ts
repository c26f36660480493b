import { AnyProjection } from '../src/core/projection/document-projection';
import { auditTrailProjection } from './audit-trail.projection';
import { reorganisationRecordsProjection, unitHistoriesProjection } from './organisation-streams.projection';
import { procedureCatalogProjection } from './procedure-catalog.projection';
import { processingTimeCutsProjection } from './processing-time-cuts.projection';

/** Every read model the service runs and `ledger rebuild` can rebuild, by name. */
export const ALL_PROJECTIONS: readonly AnyProjection[] = [
  procedureCatalogProjection,
  auditTrailProjection,
  processingTimeCutsProjection,
  unitHistoriesProjection,
  reorganisationRecordsProjection,
];
