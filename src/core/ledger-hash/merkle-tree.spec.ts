import { createHash } from 'node:crypto';
import { completeSubtrees, referenceConsistency, referencePath, referenceRoot } from '../../../test/support/merkle-reference';
import { leafHash } from './merkle';
import { KEPT_SUBTREE_LEVEL, KeptSubtreeRoots, MerkleTree, SubtreeRoot } from './merkle-tree';

const leavesOf = (n: number) => Array.from({ length: n }, (_, i) => leafHash(createHash('sha256').update(`event ${i}`).digest('hex')));

/** A store of kept roots in memory, counting what it was handed. */
class MapRoots implements KeptSubtreeRoots {
  readonly roots = new Map<string, string>();
  get = (level: number, index: number) => this.roots.get(`${level}:${index}`);
  keep = (roots: readonly SubtreeRoot[]) => roots.forEach(({ level, index, root }) => this.roots.set(`${level}:${index}`, root));
}

/** A tree over the first `size` leaves, counting the leaves it reads. */
const countingTree = (leaves: readonly string[], size: number, kept?: KeptSubtreeRoots) => {
  const read = { leaves: 0 };
  const tree = new MerkleTree(size, (from, to) => {
    read.leaves += to - from;
    return leaves.slice(from, to);
  }, kept);
  return { tree, read };
};

describe('the Merkle tree with kept subtree roots', () => {
  const leaves = leavesOf(5_000);

  it('answers as RFC 9162 defines, at sizes around the kept subtrees, whether its roots were kept before or not', async () => {
    const kept = new MapRoots();
    for (const size of [1, 2, 63, 64, 65, 1_023, 1_024, 1_025, 2_048, 3_000, 4_096, 4_113, 5_000]) {
      const prefix = leaves.slice(0, size);
      // Twice: computing every root, then from the roots the first tree kept.
      for (const round of [1, 2]) {
        const { tree } = countingTree(leaves, size, kept);
        const indices = [0, 1, size >> 1, size - 2, size - 1].filter((index) => index >= 0);
        const olds = [1, 2, 64, 65, 1_023, 1_024, 1_025, size - 1, size].filter((old) => old >= 1 && old <= size);
        expect([round, size, await tree.root()]).toEqual([round, size, referenceRoot(prefix)]);
        for (const index of indices) expect([round, size, index, await tree.inclusionPath(index)]).toEqual([round, size, index, referencePath(index, prefix)]);
        for (const old of olds) {
          expect([round, size, old, await tree.root(old)]).toEqual([round, size, old, referenceRoot(prefix.slice(0, old))]);
          expect([round, size, old, await tree.consistencyPath(old)]).toEqual([round, size, old, referenceConsistency(old, prefix)]);
        }
      }
    }
  });

  it('keeps the roots of complete subtrees only, each once, and then reads a few thousand leaves however long the log', async () => {
    const long = leavesOf(40_000);
    const kept = new MapRoots();
    const first = countingTree(long, 40_000, kept);
    const root = await first.tree.root();
    expect(first.read.leaves).toBe(40_000);
    const keptKeys = () => [...kept.roots.keys()].map((key) => key.split(':').map(Number)).map(([level, idx]) => ({ level, idx }));
    const complete = completeSubtrees(40_000, KEPT_SUBTREE_LEVEL);
    expect(keptKeys().sort((a, b) => a.level - b.level || a.idx - b.idx)).toEqual(complete);

    for (const size of [40_000, 39_999, 31_337]) {
      const again = countingTree(long, size, kept);
      expect(await again.tree.root()).toBe(size === 40_000 ? root : referenceRoot(long.slice(0, size)));
      expect(await again.tree.inclusionPath(12_345)).toEqual(referencePath(12_345, long.slice(0, size)));
      expect(await again.tree.consistencyPath(20_001)).toEqual(referenceConsistency(20_001, long.slice(0, size)));
      // The leaves below the kept level at the edges of each range, not the log.
      expect([size, again.read.leaves <= 5 * 2 ** KEPT_SUBTREE_LEVEL]).toEqual([size, true]);
    }
    expect(kept.roots.size).toBe(complete.length);
  });

  it('answers from the kept roots, not from the leaves beneath them', async () => {
    const kept = new MapRoots();
    await countingTree(leaves, 4_096, kept).tree.root();
    // The root of leaves 0–1,023, one of those kept for 4,096 leaves, and one the digest of 1,500 leaves starts from.
    kept.roots.set('10:0', '00'.repeat(32));
    const fromKept = countingTree(leaves, 4_096, kept);
    expect(await fromKept.tree.root(1_500)).not.toBe(referenceRoot(leaves.slice(0, 1_500)));
    expect(fromKept.read.leaves).toBe(1_500 % 2 ** KEPT_SUBTREE_LEVEL);
    // A tree that keeps nothing reads them all again.
    const unkept = countingTree(leaves, 4_096);
    expect(await unkept.tree.root()).toBe(referenceRoot(leaves.slice(0, 4_096)));
    expect(unkept.read.leaves).toBe(4_096);
  });

  it('refuses a digest larger than the tree, and names a gap in the leaves it is given', async () => {
    expect(() => countingTree(leaves, 10).tree.root(11)).toThrow(RangeError);
    const gappy = new MerkleTree(10, (from, to) => leaves.slice(from, Math.min(to, 7)));
    await expect(gappy.root()).rejects.toThrow('the log has a gap');
  });
});
