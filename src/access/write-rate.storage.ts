import { OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';

/** The hits of one key under one throttler within its window, and its block. */
interface HitWindow {
  /** When each hit leaves the window, oldest first; those before `first` have left already. */
  expirations: number[];
  first: number;
  /** End of the window the throttler reports as the time to expire; a new one starts when it has passed. */
  expiresAt: number;
  /** Set while the key is refused, past its limit; 0 when it is not. */
  blockedUntil: number;
}

/** How often windows with no hit left are dropped, so that memory follows the keys in use, not every key ever seen. */
const SWEEP_INTERVAL_MS = 60_000;

/**
 * The write-rate limit's hits, in memory, counted as @nestjs/throttler's own storage counts them (a sliding window of
 * `ttl`; past the limit, the key refused for `blockDuration`, then counted afresh), at a constant cost per request.
 * The library's storage copies the list of a key's hits still in the window on every request: at a high limit
 * (LEDGER_WRITES_PER_MINUTE raised for a bulk import, or the benchmark's) that was a quarter of a megabyte a request
 * and half the service's thread. A key's hits leave the window in the order they came (one `ttl` per throttler), so
 * those that left are dropped from the front of the list.
 */
export class WriteRateStorage implements ThrottlerStorage, OnApplicationShutdown {
  private readonly windows = new Map<string, HitWindow>();
  private sweeper?: NodeJS.Timeout;

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<ThrottlerStorageRecord> {
    const now = Date.now();
    const window = this.windowOf(`${throttlerName}:${key}`, now + ttl);
    dropExpired(window, now);
    if (window.expiresAt <= now) window.expiresAt = now + ttl;
    const timeToExpire = Math.ceil((window.expiresAt - now) / 1000);
    if (blockDuration <= 0) return countWithoutBlock(window, now, ttl, limit, timeToExpire);

    if (window.blockedUntil !== 0 && window.blockedUntil <= now) {
      // The block is over: the key starts counting afresh.
      window.expirations = [];
      window.first = 0;
      window.blockedUntil = 0;
    }
    if (window.blockedUntil === 0) {
      window.expirations.push(now + ttl);
      if (hits(window) > limit) window.blockedUntil = now + blockDuration;
    }
    const isBlocked = window.blockedUntil !== 0;
    return { totalHits: hits(window), timeToExpire, isBlocked, timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1000) : 0 };
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
    this.sweeper = undefined;
    this.windows.clear();
  }

  private windowOf(id: string, expiresAt: number): HitWindow {
    let window = this.windows.get(id);
    if (!window) this.windows.set(id, (window = { expirations: [], first: 0, expiresAt, blockedUntil: 0 }));
    // Started on the first hit: an application that never writes keeps no timer.
    this.sweeper ??= setInterval(() => this.sweep(Date.now()), SWEEP_INTERVAL_MS).unref();
    return window;
  }

  private sweep(now: number): void {
    for (const [id, window] of this.windows) {
      dropExpired(window, now);
      if (hits(window) === 0 && window.blockedUntil <= now && window.expiresAt <= now) this.windows.delete(id);
    }
  }
}

const hits = (window: HitWindow): number => window.expirations.length - window.first;

/** Drops the hits that have left the window; the list is shortened once most of it is behind `first`. */
function dropExpired(window: HitWindow, now: number): void {
  const { expirations } = window;
  while (window.first < expirations.length && expirations[window.first] <= now) window.first += 1;
  if (window.first > 1024 && window.first * 2 > expirations.length) {
    window.expirations = expirations.slice(window.first);
    window.first = 0;
  }
}

/** With no block configured, a request past the limit is refused until the oldest hit leaves the window. */
function countWithoutBlock(window: HitWindow, now: number, ttl: number, limit: number, timeToExpire: number): ThrottlerStorageRecord {
  const isBlocked = hits(window) >= limit;
  if (!isBlocked) window.expirations.push(now + ttl);
  return {
    totalHits: hits(window) + (isBlocked ? 1 : 0),
    timeToExpire,
    isBlocked,
    timeToBlockExpire: isBlocked ? Math.ceil(((window.expirations[window.first] ?? now + ttl) - now) / 1000) : 0,
  };
}
