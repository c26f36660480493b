import { createHash } from 'node:crypto';
import { leafHash, MerkleFrontier, verifyConsistency, verifyInclusion } from './merkle';
import { consistencyProof, inclusionProof, merkleRoot } from './merkle-tree';
import { referenceRoot as treeRoot } from '../../../test/support/merkle-reference';

const hashes = (n: number) => Array.from({ length: n }, (_, i) => createHash('sha256').update(`event ${i}`).digest('hex'));

describe('Merkle digests and proofs', () => {
  it('gives, leaf by leaf, the root of every prefix: the same as the tree of that prefix', async () => {
    const leaves = hashes(300).map(leafHash);
    const frontier = new MerkleFrontier();
    expect(frontier.root()).toBe(treeRoot([]));
    leaves.forEach((leaf, i) => {
      frontier.add(leaf);
      expect([frontier.size, frontier.root()]).toEqual([i + 1, treeRoot(leaves.slice(0, i + 1))]);
    });
    // Past a turn of the event loop too: the root of a long log is folded in several turns.
    const long = hashes(25_000).map(leafHash);
    expect(await merkleRoot(long)).toBe(treeRoot(long));
    expect(await merkleRoot(long, 20_001)).toBe(treeRoot(long.slice(0, 20_001)));
  });

  it('proves every event of trees of every size up to 40, and refuses a tampered event, index or root', async () => {
    for (let size = 1; size <= 40; size++) {
      const events = hashes(size);
      const leaves = events.map(leafHash);
      const root = await merkleRoot(leaves);
      for (let index = 0; index < size; index++) {
        const proof = await inclusionProof(leaves, index, size);
        expect(verifyInclusion(events[index], index, size, proof, root)).toBe(true);
        expect(verifyInclusion(events[(index + 1) % size], index, size, proof, root)).toBe(size === 1);
        if (size > 1) expect(verifyInclusion(events[index], (index + 1) % size, size, proof, root)).toBe(false);
        expect(verifyInclusion(events[index], index, size, proof, await merkleRoot(leaves, size - 1))).toBe(false);
      }
    }
  });

  it('proves every older digest consistent with every newer one, and refuses a rewritten past', async () => {
    const events = hashes(33);
    const leaves = events.map(leafHash);
    const rewritten = [...leaves];
    rewritten[4] = leafHash(hashes(40)[39]);
    for (let newSize = 1; newSize <= 33; newSize++) {
      const newRoot = await merkleRoot(leaves, newSize);
      for (let oldSize = 1; oldSize <= newSize; oldSize++) {
        const oldRoot = await merkleRoot(leaves, oldSize);
        const proof = await consistencyProof(leaves, oldSize, newSize);
        expect(verifyConsistency(oldSize, newSize, oldRoot, newRoot, proof)).toBe(true);
        if (oldSize > 4) {
          const forgedOld = await merkleRoot(rewritten, oldSize);
          expect(verifyConsistency(oldSize, newSize, forgedOld, newRoot, proof)).toBe(false);
        }
      }
    }
  });

  it('refuses a proof whose hashes are not 32 bytes of hex, and reads upper-case hex as lower', async () => {
    const events = hashes(5);
    const leaves = events.map(leafHash);
    const root = await merkleRoot(leaves);
    const path = await inclusionProof(leaves, 2, 5);
    const consistency = await consistencyProof(leaves, 3, 5);
    const oldRoot = await merkleRoot(leaves, 3);
    expect(verifyInclusion(events[2], 2, 5, path.map((hash) => hash.toUpperCase()), root)).toBe(true);
    expect(verifyConsistency(3, 5, oldRoot, root, consistency.map((hash) => hash.toUpperCase()))).toBe(true);
    for (const bad of [(hash: string) => `${hash}00`, (hash: string) => hash.slice(0, 62), (hash: string) => `${hash.slice(0, 63)}z`]) {
      expect(verifyInclusion(events[2], 2, 5, [bad(path[0]), ...path.slice(1)], root)).toBe(false);
      expect(verifyConsistency(3, 5, oldRoot, root, [bad(consistency[0]), ...consistency.slice(1)])).toBe(false);
    }
  });

  it('gives the known root of a small tree', async () => {
    // Root of the empty tree is the hash of nothing; one leaf is its own root.
    expect(await merkleRoot([])).toBe(createHash('sha256').digest('hex'));
    expect(await merkleRoot([leafHash('00'.repeat(32))])).toBe(leafHash('00'.repeat(32)));
  });
});
