import { rechain, streamChainedLog } from '../../../test/support/stream-chain-log';
import { leafHash } from './merkle';
import { merkleRoot } from './merkle-tree';
import { checkRecordedDigests } from './recorded-digests';
import { ChainedRecord } from './stream-chain';
import { StreamChainIntegrity } from './stream-chain-integrity';
import { verifyStreamChains } from './stream-chain-walk';

const log = streamChainedLog(300, { seed: 5 });
const integrityOf = (records: readonly ChainedRecord[]) => new StreamChainIntegrity(() => records);
const hashesOf = (records: readonly ChainedRecord[]) => integrityOf(records).hashes();
const digestOf = async (records: readonly ChainedRecord[], size: number, position: number) => ({
  position,
  size,
  root: await merkleRoot((await hashesOf(records)).map((h) => leafHash(h.hash)), size),
});

describe('digests recorded in the ledger, checked against the log as it is now', () => {
  it('match the log they were taken of, and every longer log after it', async () => {
    const digests = [await digestOf(log, 100, 1), await digestOf(log, 300, 2)];
    expect(await checkRecordedDigests(integrityOf(log), digests)).toEqual({ checked: 2 });
  });

  it('catch a forger who rewrote a stream and hashed it again, pointing at the last event the digest covers', async () => {
    const index = 150;
    const forged = rechain(log.map((r, i) => (i === index ? { ...r, data: JSON.stringify({ marker: 'forged' }) } : r)), log[index].streamId);
    // The chains alone are consistent again…
    expect((await verifyStreamChains(forged)).ok).toBe(true);
    // …but not a digest taken before: one covering less than the rewrite still matches, one covering it does not.
    const digests = [await digestOf(log, 100, 1), await digestOf(log, 200, 2)];
    expect(await checkRecordedDigests(integrityOf(forged), digests)).toEqual({
      checked: 1,
      firstBadPosition: log[199].position,
      problem: 'the digest recorded at position 2 (first 200 events) no longer matches the log',
    });
  });

  it('catch events cut from the end of a stream, which no chain can see', async () => {
    const lastOfStream = log.map((r) => r.streamId).lastIndexOf(log[0].streamId);
    const cut = log.filter((_, i) => i !== lastOfStream);
    expect((await verifyStreamChains(cut)).ok).toBe(true);
    const check = await checkRecordedDigests(integrityOf(cut), [await digestOf(log, 300, 9)]);
    expect(check).toMatchObject({ checked: 0, firstBadPosition: cut.at(-1)!.position + 1 });
  });

  it('refuse a recorded digest that is not one, at its own position', async () => {
    expect(await checkRecordedDigests(integrityOf(log), [{ position: 77, size: '12', root: 'abc' }])).toMatchObject({ checked: 0, firstBadPosition: 77 });
    expect(await checkRecordedDigests(integrityOf(log), [{ position: 78, size: 0, root: await merkleRoot([]) }])).toMatchObject({ checked: 0, firstBadPosition: 78 });
  });
});
