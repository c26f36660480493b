import fc from 'fast-check';
import { copyLedger } from '../../src/core/event-store/ledger-copy';
import { drawnAppends, expectSameLedger, storesPerTest, written } from '../support/drawn-ledgers';
import { describeEventStoreDb, openTestEventStoreDb } from '../support/esdb';

/** A ledger moved from one machine onto the server, and back, as `ledger copy` does it. */
describeEventStoreDb('a copy of the ledger onto EventStoreDB and back', () => {
  const stores = storesPerTest('ledger-copy-esdb-');

  it('keeps every event, its order and its recorded time, and each copy verifies in its own chain', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(drawnAppends, fc.integer({ min: 1, max: 50 }), async (appends, pageSize) => {
        run++;
        const source = stores.sqlite(`source-${run}`);
        await written(source, appends);
        const server = stores.kept(await openTestEventStoreDb());

        const there = await copyLedger(source, server, { pageSize });
        await expectSameLedger(source, server);
        const back = stores.sqlite(`back-${run}`);
        const returned = await copyLedger(server, back, { pageSize });
        await expectSameLedger(server, back);
        expect(returned.digest).toBe(there.digest);
      }),
      { numRuns: 10 },
    );
  });
});
