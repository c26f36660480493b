import { defer, Observable, repeat, retry, tap, throwError, timer } from 'rxjs';
import { UnavailableError } from '../errors/ledger-errors';

export interface ResubscribingOptions<Item, Cursor> {
  /** Opens a live subscription delivering the items after `cursor`, or from the very beginning when undefined. */
  readonly open: (cursor: Cursor | undefined) => Observable<Item>;
  readonly cursorOf: (item: Item) => Cursor;
  /** Where the first subscription starts (exclusive); undefined for the beginning. */
  readonly after?: Cursor;
  /** Waits before each new attempt, in order; the last one repeats for as long as the backend stays away. */
  readonly delaysMs: readonly number[];
  readonly onRetry?: (error: UnavailableError, attempt: number) => void;
}

/**
 * Keeps a subscription alive across backend restarts. When it drops with an `UnavailableError`, or the server ends
 * it, it is opened again after the last item delivered, so a subscriber misses nothing and sees nothing twice.
 * Any other error ends the subscription with that error.
 */
export function resubscribing<Item, Cursor>(options: ResubscribingOptions<Item, Cursor>): Observable<Item> {
  const delayFor = (attempt: number) => options.delaysMs[Math.min(attempt, options.delaysMs.length) - 1] ?? 1000;
  return defer(() => {
    let cursor = options.after;
    return defer(() => options.open(cursor)).pipe(
      tap((item) => (cursor = options.cursorOf(item))),
      repeat({ delay: () => timer(delayFor(1)) }),
      retry({
        resetOnSuccess: true,
        delay: (error: unknown, attempt: number) => {
          if (!(error instanceof UnavailableError)) return throwError(() => error);
          options.onRetry?.(error, attempt);
          return timer(delayFor(attempt));
        },
      }),
    );
  });
}
