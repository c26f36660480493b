import fc from 'fast-check';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { ThrottlerStorageRecord } from '@nestjs/throttler/dist/throttler-storage-record.interface';
import { WriteRateStorage } from './write-rate.storage';

const MINUTE = 60_000;

/** The time to a block's end means something only while blocked: the library leaves a stale figure otherwise. */
const answer = (record: ThrottlerStorageRecord) => ({ ...record, timeToBlockExpire: record.isBlocked ? record.timeToBlockExpire : 0 });

describe('the write-rate storage', () => {
  // The clock moves by setSystemTime only: no timer fires, so neither storage sweeps behind the other's back.
  beforeEach(() => jest.useFakeTimers({ now: Date.parse('2025-07-01T00:00:00Z') }));
  afterEach(() => jest.useRealTimers());
  const later = (ms: number) => jest.setSystemTime(Date.now() + ms);

  it("answers every request as @nestjs/throttler's own storage does, blocks and their end included", async () => {
    const step = fc.record({ afterMs: fc.oneof(fc.integer({ min: 0, max: 2_000 }), fc.integer({ min: 0, max: 90_000 })), key: fc.constantFrom('key:1', 'key:2') });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 150 }), fc.integer({ min: 1, max: 6 }), fc.constantFrom(0, 10_000, MINUTE), async (steps, limit, blockDuration) => {
        const ours = new WriteRateStorage();
        const theirs = new ThrottlerStorageService();
        try {
          for (const { afterMs, key } of steps) {
            later(afterMs);
            const expected = answer(await theirs.increment(key, MINUTE, limit, blockDuration, 'writes'));
            expect(answer(await ours.increment(key, MINUTE, limit, blockDuration, 'writes'))).toEqual(expected);
          }
        } finally {
          ours.onApplicationShutdown();
          theirs.onApplicationShutdown();
        }
      }),
      { numRuns: 300 },
    );
  });

  it('forgets the hits that left the window, however many there were', async () => {
    const storage = new WriteRateStorage();
    for (let i = 0; i < 5000; i++) {
      later(10);
      await storage.increment('key:1', MINUTE, 1_000_000, MINUTE, 'writes');
    }
    expect((await storage.increment('key:1', MINUTE, 1_000_000, MINUTE, 'writes')).totalHits).toBe(5001);
    later(MINUTE - 25_000);
    // The first 2,500 or so have left; the rest are still counted.
    const half = (await storage.increment('key:1', MINUTE, 1_000_000, MINUTE, 'writes')).totalHits;
    expect(half).toBeGreaterThan(2000);
    expect(half).toBeLessThan(3000);
    later(MINUTE);
    expect((await storage.increment('key:1', MINUTE, 1_000_000, MINUTE, 'writes')).totalHits).toBe(1);
    storage.onApplicationShutdown();
  });
});
