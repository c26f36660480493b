import { RecordedEvent } from '../event-envelope';

/**
 * The two time axes of the ledger: `asOf` keeps the acts that took legal effect on or before a date; `knownAt` keeps
 * what the ledger had recorded at a moment. Either may be absent.
 */
export interface TimeFilter {
  /** `YYYY-MM-DD`, inclusive. */
  readonly asOf?: string;
  /** ISO timestamp, inclusive. */
  readonly knownAt?: string;
}

export function timeFilter({ asOf, knownAt }: TimeFilter): (event: RecordedEvent) => boolean {
  return (event) => (!asOf || event.metadata.effectiveDate <= asOf) && (!knownAt || event.recordedAt <= knownAt);
}

export const isFiltered = (filter: TimeFilter): boolean => filter.asOf !== undefined || filter.knownAt !== undefined;
