import fc from 'fast-check';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventStore } from '../../src/core/event-store/event-store.port';
import { copyLedger } from '../../src/core/event-store/ledger-copy';
import { SqliteEventStore } from '../../src/core/event-store/sqlite-event-store';
import { drawnAppends, expectSameLedger, written } from '../support/drawn-ledgers';
import { describeEventStoreDb, openTestEventStoreDb } from '../support/esdb';

/** A ledger moved from one machine onto the server, and back, as `ledger copy` does it. */
describeEventStoreDb('a copy of the ledger onto EventStoreDB and back', () => {
  let dir: string;
  const opened: EventStore[] = [];
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'ledger-copy-esdb-'))));
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
    rmSync(dir, { recursive: true, force: true });
  });
  const sqlite = (name: string) => {
    const store = new SqliteEventStore({ file: join(dir, `${name}.sqlite`) });
    opened.push(store);
    return store;
  };

  it('keeps every event, its order and its recorded time, and each copy verifies in its own chain', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(drawnAppends, fc.integer({ min: 1, max: 50 }), async (appends, pageSize) => {
        run++;
        const source = sqlite(`source-${run}`);
        await written(source, appends);
        const server = await openTestEventStoreDb();
        opened.push(server);

        const there = await copyLedger(source, server, { pageSize });
        await expectSameLedger(source, server);
        const back = sqlite(`back-${run}`);
        const returned = await copyLedger(server, back, { pageSize });
        await expectSameLedger(server, back);
        expect(returned.digest).toBe(there.digest);
      }),
      { numRuns: 10 },
    );
  });
});
