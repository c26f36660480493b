import fc from 'fast-check';
import { drawnAppends, storesPerTest, written } from '../../test/support/drawn-ledgers';
import { anEvent } from '../../test/support/event-factory';
import { EventStore } from '../core/event-store/event-store.port';
import { copyLedger } from '../core/event-store/ledger-copy';
import { DIGEST_RECORDED, DIGEST_STREAM, LedgerProofs, RecordedDigest } from './ledger-proofs.service';

/** Records the ledger's digest in the ledger itself, as `POST /ledger/digests` does, over the chain named. */
async function recordDigest(store: EventStore, chain?: RecordedDigest['chain'], root?: string): Promise<void> {
  const proofs = new LedgerProofs(store);
  const digest = await proofs.digest();
  const data: RecordedDigest = { ...digest, ...(root && { root }), ...(chain && { chain }) };
  await store.appendToStream({ streamId: DIGEST_STREAM, expectedRevision: 'any', events: [anEvent('digest', { type: DIGEST_RECORDED, data })] });
}

describe('digests recorded in a ledger copied onto another backend', () => {
  const stores = storesPerTest('ledger-digests-');
  const history = fc.sample(drawnAppends.filter((appends) => appends.length > 3), { numRuns: 1, seed: 7 })[0];

  it('are checked on a copy of the same chain, where they match', async () => {
    const source = stores.sqlite('source');
    await written(source, history);
    await recordDigest(source, 'log');
    await written(source, history);
    const copy = stores.sqlite('copy');
    await copyLedger(source, copy);

    expect(await new LedgerProofs(copy).verify()).toMatchObject({ ok: true, digestsChecked: 1 });
    expect(await new LedgerProofs(copy).verify()).not.toHaveProperty('digestsOfAnotherChain');
  });

  it("are not taken for this log's own on a copy of another chain, whose own digests are checked as ever", async () => {
    const source = stores.sqlite('source');
    await written(source, history);
    await recordDigest(source, 'log');
    const server = stores.serverLike();
    await copyLedger(source, server);
    expect(await new LedgerProofs(server).verify()).toMatchObject({ ok: true, digestsChecked: 0, digestsOfAnotherChain: 1 });

    await written(server, history);
    await recordDigest(server, 'stream');
    expect(await new LedgerProofs(server).verify()).toMatchObject({ ok: true, digestsChecked: 1, digestsOfAnotherChain: 1 });
    await recordDigest(server, 'stream', 'f'.repeat(64));
    expect(await new LedgerProofs(server).verify()).toMatchObject({ ok: false, failure: 'digest', digestsChecked: 1, digestsOfAnotherChain: 1 });
  });

  it('checks one recorded before digests named their chain against this log, as before', async () => {
    const source = stores.sqlite('source');
    await written(source, history);
    await recordDigest(source);
    expect(await new LedgerProofs(source).verify()).toMatchObject({ ok: true, digestsChecked: 1 });
    await recordDigest(source, undefined, '0'.repeat(64));
    expect(await new LedgerProofs(source).verify()).toMatchObject({ ok: false, failure: 'digest' });
  });
});
