import { streamChainedLog } from '../../../test/support/stream-chain-log';
import { eventHash, GENESIS_HASH, StoredEventText } from './event-hash';
import { leafHash } from './merkle';
import { inclusionProof, merkleRoot } from './merkle-tree';
import { checkProof, InclusionProof } from './proofs';
import { StreamChainIntegrity } from './stream-chain-integrity';

describe('inclusion proofs of stream-chained events, checked without the ledger', () => {
  const log = streamChainedLog(57, { seed: 9 });
  const integrity = new StreamChainIntegrity(() => log);

  const proofOf = async (eventId: string, size = log.length): Promise<InclusionProof> => {
    const entry = (await integrity.entry(eventId))!;
    const leaves = (await integrity.hashes(size)).map((h) => leafHash(h.hash));
    return { kind: 'inclusion', chain: 'stream', index: entry.index, event: entry.event, previousHash: entry.previousHash, eventHash: entry.hash, size, root: await merkleRoot(leaves), path: await inclusionProof(leaves, entry.index, size) };
  };

  it('proves every event at its place in log order, whatever the gaps between positions', async () => {
    for (const [index, record] of log.entries()) {
      const proof = await proofOf(record.eventId);
      expect(proof.index).toBe(index);
      expect(proof.event.position).not.toBe(index + 1);
      expect(checkProof(proof, proof.root)).toMatchObject({ valid: true, reason: expect.stringContaining(`event ${index + 1} of the digest`) });
    }
  });

  it('chains each event on the one before it in its stream: genesis for the first', async () => {
    const [first, second] = log.filter((r) => r.streamId === log[0].streamId);
    expect((await proofOf(first.eventId)).previousHash).toBe(GENESIS_HASH);
    expect((await proofOf(second.eventId)).previousHash).toBe(first.link!.hash);
  });

  it('refuses a changed event, another index, another digest, or a proof read as log-chained', async () => {
    const proof = await proofOf(log[30].eventId);
    expect(checkProof({ ...proof, event: { ...proof.event, data: proof.event.data.replace('Thủ', 'Thu') } }).valid).toBe(false);
    expect(checkProof({ ...proof, event: { ...proof.event, revision: proof.event.revision + 1 } }).valid).toBe(false);
    expect(checkProof({ ...proof, index: 31 }).valid).toBe(false);
    expect(checkProof({ ...proof, index: undefined }).valid).toBe(false);
    expect(checkProof(proof, (await proofOf(log[30].eventId, 40)).root).valid).toBe(false);
    expect(checkProof({ ...proof, chain: 'log' }).valid).toBe(false);
  });

  it('still checks log-chained proofs made before proofs named their chain and index', async () => {
    const events: StoredEventText[] = Array.from({ length: 5 }, (_, i) => ({
      position: i + 1, eventId: `e${i}`, streamId: 's', revision: i, type: 'T', schemaVersion: 1, data: '{}', metadata: '{}', recordedAt: '2024-01-01T00:00:00.000Z',
    }));
    const hashes: string[] = [];
    for (const event of events) hashes.push(eventHash(hashes.at(-1) ?? GENESIS_HASH, event));
    const leaves = hashes.map(leafHash);
    const old: InclusionProof = { kind: 'inclusion', event: events[3], previousHash: hashes[2], eventHash: hashes[3], size: 5, root: await merkleRoot(leaves), path: await inclusionProof(leaves, 3, 5) };
    expect(checkProof(old)).toMatchObject({ valid: true, reason: expect.stringContaining('position 4') });
    expect(checkProof({ ...old, chain: 'log', index: 2 }).valid).toBe(false);
  });
});
