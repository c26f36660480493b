import { DocumentProjection } from '../src/core/projection/document-projection';
import { reorganisationRecordsProjection, unitHistoriesProjection } from './organisation-streams.projection';
import { procedureCatalogProjection } from './procedure-catalog.projection';

/** Every read model the service runs. */
export const ALL_PROJECTIONS: readonly DocumentProjection[] = [
  procedureCatalogProjection as DocumentProjection,
  unitHistoriesProjection as DocumentProjection,
  reorganisationRecordsProjection as DocumentProjection,
];
