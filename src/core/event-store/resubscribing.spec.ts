import { concat, firstValueFrom, Observable, of, take, throwError, toArray } from 'rxjs';
import { UnavailableError } from '../errors/ledger-errors';
import { resubscribing } from './resubscribing';

/** A backend whose successive subscriptions behave as scripted, recording where each one started. */
function scriptedBackend(...attempts: Array<(after: number | undefined) => Observable<number>>) {
  const startedAfter: Array<number | undefined> = [];
  const open = (after: number | undefined) => {
    startedAfter.push(after);
    return (attempts[startedAfter.length - 1] ?? (() => new Observable<number>()))(after);
  };
  return { open, startedAfter };
}

const subscribe = (open: (after: number | undefined) => Observable<number>, after?: number) =>
  resubscribing({ open, cursorOf: (item: number) => item, after, delaysMs: [1] });

describe('resubscribing', () => {
  it('opens again after the last item delivered when the backend goes away, so nothing is missed or repeated', async () => {
    const backend = scriptedBackend(
      () => concat(of(1, 2), throwError(() => new UnavailableError('server restarting'))),
      (after) => of(after! + 1), // the server ends the subscription: open again
      (after) => of(after! + 1, after! + 2),
    );
    expect(await firstValueFrom(subscribe(backend.open).pipe(take(5), toArray()))).toEqual([1, 2, 3, 4, 5]);
    expect(backend.startedAfter).toEqual([undefined, 2, 3]);
  });

  it('starts after the given cursor and keeps trying while the backend stays away', async () => {
    const away = () => throwError(() => new UnavailableError('connection refused'));
    const backend = scriptedBackend(away, away, away, (after) => of(after! + 1));
    expect(await firstValueFrom(subscribe(backend.open, 41))).toBe(42);
    expect(backend.startedAfter).toEqual([41, 41, 41, 41]);
  });

  it('ends with any other error: retrying a bug would only repeat it', async () => {
    const backend = scriptedBackend(() => throwError(() => new TypeError('bug')));
    await expect(firstValueFrom(subscribe(backend.open))).rejects.toBeInstanceOf(TypeError);
    expect(backend.startedAfter).toEqual([undefined]);
  });
});
