import { DocumentProjection } from '../src/core/projection/document-projection';
import { procedureCatalogProjection } from './procedure-catalog.projection';

/** Every read model the service runs. */
export const ALL_PROJECTIONS: readonly DocumentProjection[] = [procedureCatalogProjection as DocumentProjection];
