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

/**
 * A "known at" moment as the store writes recorded times (ISO, UTC, milliseconds), so that text comparison is time
 * comparison. A plain date means the end of that day. Returns undefined for text that is not a moment.
 */
export function normalizeKnownAt(value: string): string | undefined {
  const text = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59:59.999Z` : value;
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(text)) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
