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

/** MTH(D[n]). */
export function referenceRoot(leaves: readonly Buffer[]): Buffer {
  if (leaves.length === 0) return sha256();
  if (leaves.length === 1) return leaves[0];
  const k = largestPowerOfTwoBelow(leaves.length);
  return node(referenceRoot(leaves.slice(0, k)), referenceRoot(leaves.slice(k)));
}

/** PATH(m, D[n]), as hex. */
export function referencePath(m: number, leaves: readonly Buffer[]): string[] {
  if (leaves.length <= 1) return [];
  const k = largestPowerOfTwoBelow(leaves.length);
  return m < k
    ? [...referencePath(m, leaves.slice(0, k)), referenceRoot(leaves.slice(k)).toString('hex')]
    : [...referencePath(m - k, leaves.slice(k)), referenceRoot(leaves.slice(0, k)).toString('hex')];
}

/** PROOF(m, D[n]), as hex. */
export function referenceConsistency(m: number, leaves: readonly Buffer[], complete = true): string[] {
  const n = leaves.length;
  if (m === n) return complete ? [] : [referenceRoot(leaves).toString('hex')];
  const k = largestPowerOfTwoBelow(n);
  return m <= k
    ? [...referenceConsistency(m, leaves.slice(0, k), complete), referenceRoot(leaves.slice(k)).toString('hex')]
    : [...referenceConsistency(m - k, leaves.slice(k), false), referenceRoot(leaves.slice(0, k)).toString('hex')];
}
