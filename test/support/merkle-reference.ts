import { createHash } from 'node:crypto';

/**
 * RFC 9162's definitions (2.1.1, 2.1.3.1, 2.1.4.1), written as recursively as the RFC writes them: the reference the
 * ledger's Merkle tree, which folds and keeps subtrees instead, is checked against.
 */
const sha256 = (...parts: Buffer[]) => parts.reduce((hash, part) => hash.update(part), createHash('sha256')).digest();
const node = (left: Buffer, right: Buffer) => sha256(Buffer.from([1]), left, right);
const largestPowerOfTwoBelow = (n: number) => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/** MTH(D[n]), over leaf hashes in hex. */
export function referenceRoot(leaves: readonly string[]): string {
  return mth(leaves.map((leaf) => Buffer.from(leaf, 'hex'))).toString('hex');
}

function mth(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0];
  const k = largestPowerOfTwoBelow(leaves.length);
  return node(mth(leaves.slice(0, k)), mth(leaves.slice(k)));
}

/** PATH(m, D[n]). */
export function referencePath(m: number, leaves: readonly string[]): string[] {
  if (leaves.length <= 1) return [];
  const k = largestPowerOfTwoBelow(leaves.length);
  return m < k
    ? [...referencePath(m, leaves.slice(0, k)), referenceRoot(leaves.slice(k))]
    : [...referencePath(m - k, leaves.slice(k)), referenceRoot(leaves.slice(0, k))];
}

/** PROOF(m, D[n]). */
export function referenceConsistency(m: number, leaves: readonly string[], complete = true): string[] {
  const n = leaves.length;
  if (m === n) return complete ? [] : [referenceRoot(leaves)];
  const k = largestPowerOfTwoBelow(n);
  return m <= k
    ? [...referenceConsistency(m, leaves.slice(0, k), complete), referenceRoot(leaves.slice(k))]
    : [...referenceConsistency(m - k, leaves.slice(k), false), referenceRoot(leaves.slice(0, k))];
}

/** Every complete subtree of 2^fromLevel leaves or more within the first `size` leaves, by level, then index. */
export function completeSubtrees(size: number, fromLevel: number): Array<{ level: number; idx: number }> {
  const subtrees: Array<{ level: number; idx: number }> = [];
  for (let level = fromLevel; 2 ** level <= size; level++) {
    for (let idx = 0; (idx + 1) * 2 ** level <= size; idx++) subtrees.push({ level, idx });
  }
  return subtrees;
}
