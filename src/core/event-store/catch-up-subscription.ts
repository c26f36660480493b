import { Observable } from 'rxjs';
import { RecordedEvent } from '../event-envelope';

export interface CatchUpSource {
  readPage(fromPosition: number, maxCount: number): Promise<RecordedEvent[]>;
  /** Emits after each local append, so live events arrive without waiting for the poll. */
  readonly appended$: Observable<unknown>;
  /** Polling catches appends made by other processes sharing the store (the CLI, say). */
  readonly pollIntervalMs: number;
}

const PAGE_SIZE = 1000;

/**
 * Delivers the global log from a position on, in order, with no gaps and no repeats:
 * pages through what is stored, then wakes on every append (local or polled) to read what is new.
 * Only one read loop runs at a time; a wake-up during a loop makes it go round once more.
 */
export function catchUpSubscription(source: CatchUpSource, fromPosition = 1): Observable<RecordedEvent> {
  return new Observable<RecordedEvent>((subscriber) => {
    let next = Math.max(1, fromPosition);
    let reading = false;
    let wokenWhileReading = false;

    const drain = async (): Promise<void> => {
      if (reading) {
        wokenWhileReading = true;
        return;
      }
      reading = true;
      try {
        do {
          wokenWhileReading = false;
          for (;;) {
            const page = await source.readPage(next, PAGE_SIZE);
            for (const event of page) {
              if (subscriber.closed) return;
              subscriber.next(event);
              next = event.position + 1;
            }
            if (page.length < PAGE_SIZE) break;
          }
        } while (wokenWhileReading && !subscriber.closed);
      } catch (error) {
        subscriber.error(error);
      } finally {
        reading = false;
      }
    };

    const wakeUps = source.appended$.subscribe(() => void drain());
    const poll = setInterval(() => void drain(), source.pollIntervalMs);
    poll.unref();
    void drain();
    return () => {
      wakeUps.unsubscribe();
      clearInterval(poll);
    };
  });
}
