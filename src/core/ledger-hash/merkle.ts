import { hash } from 'node:crypto';
/**
 * A Merkle tree over the log's event hashes, as Certificate Transparency defines it (RFC 9162, section 2.1):
 * leaves and nodes are hashed with distinct prefixes, and a tree of n leaves splits at the largest power of two
 * below n. A digest (the root over the first n events) can be published; an inclusion proof shows one event is in
 * it, a consistency proof shows an older digest is a prefix of a newer one. Both check with nothing but hashes.
 * (Written out here because the npm Merkle libraries build other tree shapes and lack consistency proofs.)
 *
 * Hashes are hex strings, as they are stored and answered. Each is hashed from a buffer reused for every call, into
 * a string: a Buffer per hash, as `createHash` gives, cost the garbage collector more than the hashing itself (a
 * scavenge of 7–12 ms every few dozen proofs), and digests over a million leaves 2–3 times as much CPU.
 */

const leafInput = Buffer.alloc(33, 0);
const nodeInput = Buffer.alloc(65, 1);

export const leafHash = (eventHashHex: string): string => {
  leafInput.write(eventHashHex, 1, 'hex');
  return hash('sha256', leafInput, 'hex');
};

export const nodeHash = (leftHex: string, rightHex: string): string => {
  nodeInput.write(leftHex, 1, 'hex');
  nodeInput.write(rightHex, 33, 'hex');
  return hash('sha256', nodeInput, 'hex');
};

/** The root of the tree of no leaves: the hash of nothing. */
export const EMPTY_ROOT = hash('sha256', '', 'hex');

/** The largest power of two strictly below n (n ≥ 2). */
const split = (n: number): number => {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
};

/**
 * The root of every prefix of the log, leaf by leaf, holding only the perfect subtrees the prefix's size decomposes
 * into (one per bit of it, left to right, largest first). The tree of n leaves splits at the largest power of two
 * below n, so its root is those subtrees folded from the right: checking many digests of one log costs one pass over
 * it, not one per digest.
 */
export class MerkleFrontier {
  private readonly subtrees: Array<{ readonly size: number; readonly hash: string }> = [];
  private leaves = 0;

  /** `completed`, if given, hears of every complete subtree as its last leaf is added: its level, index and root. */
  constructor(private readonly completed?: (level: number, index: number, root: string) => void) {}

  get size(): number {
    return this.leaves;
  }

  add(leaf: string): void {
    let subtree = { size: 1, hash: leaf };
    while (this.subtrees.at(-1)?.size === subtree.size) {
      const left = this.subtrees.pop()!;
      subtree = { size: left.size * 2, hash: nodeHash(left.hash, subtree.hash) };
      this.completed?.(Math.log2(subtree.size), (this.leaves + 1) / subtree.size - 1, subtree.hash);
    }
    this.subtrees.push(subtree);
    this.leaves += 1;
  }

  /** The root over the leaves added so far. */
  root(): string {
    if (this.subtrees.length === 0) return EMPTY_ROOT;
    let hash = this.subtrees.at(-1)!.hash;
    for (let i = this.subtrees.length - 2; i >= 0; i--) hash = nodeHash(this.subtrees[i].hash, hash);
    return hash;
  }
}

/** Leaves [from, to) whose subtree root a proof carries. */
export type LeafRange = readonly [from: number, to: number];

/** The ranges whose roots make the audit path of leaf `index` (0-based) in the tree of the first `size` leaves. */
export function inclusionRanges(index: number, size: number): LeafRange[] {
  const path: LeafRange[] = [];
  const walk = (m: number, from: number, to: number): void => {
    const n = to - from;
    if (n <= 1) return;
    const k = split(n);
    if (m < k) {
      walk(m, from, from + k);
      path.push([from + k, to]);
    } else {
      walk(m - k, from + k, to);
      path.push([from, from + k]);
    }
  };
  walk(index, 0, size);
  return path;
}

/** The ranges whose roots prove the tree of the first `oldSize` leaves a prefix of the tree of the first `newSize`. */
export function consistencyRanges(oldSize: number, newSize: number): LeafRange[] {
  const proof: LeafRange[] = [];
  const walk = (m: number, from: number, to: number, complete: boolean): void => {
    const n = to - from;
    if (m === n) {
      if (!complete) proof.push([from, to]);
      return;
    }
    const k = split(n);
    if (m <= k) {
      walk(m, from, from + k, complete);
      proof.push([from + k, to]);
    } else {
      walk(m - k, from + k, to, false);
      proof.push([from, from + k]);
    }
  };
  if (oldSize > 0 && oldSize < newSize) walk(oldSize, 0, newSize, true);
  return proof;
}

/** Leaves hashed, or folded into a root, between two turns of the event loop: some tens of milliseconds of work. */
export const LEAVES_BETWEEN_TURNS = 10_000;

/**
 * A proof's hashes come from outside: each must be 32 bytes of hex, or the hashing (which writes them into a reused
 * buffer) would mix in what the one before left there.
 */
const isHash = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/i.test(value);

/** Checks an inclusion proof (RFC 9162, 2.1.3.2): does this event hash sit at `index` under `rootHex`? */
export function verifyInclusion(eventHashHex: string, index: number, size: number, proof: readonly string[], rootHex: string): boolean {
  if (index < 0 || index >= size || !isHash(eventHashHex) || !proof.every(isHash)) return false;
  let fn = index;
  let sn = size - 1;
  let r = leafHash(eventHashHex);
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        do {
          fn >>= 1;
          sn >>= 1;
        } while (fn % 2 === 0 && fn !== 0);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && r === rootHex;
}

/** Checks a consistency proof (RFC 9162, 2.1.4.2): is the old root a prefix of the new one? */
export function verifyConsistency(oldSize: number, newSize: number, oldRootHex: string, newRootHex: string, proof: readonly string[]): boolean {
  if (oldSize === newSize) return proof.length === 0 && oldRootHex === newRootHex;
  if (oldSize === 0 || oldSize > newSize || !proof.every(isHash) || !isHash(oldRootHex)) return false;
  const path = [...proof];
  // When the old tree is a complete subtree, its root starts the path.
  if ((oldSize & (oldSize - 1)) === 0) path.unshift(oldRootHex);
  if (path.length === 0) return false;
  let fn = oldSize - 1;
  let sn = newSize - 1;
  while (fn % 2 === 1) {
    fn >>= 1;
    sn >>= 1;
  }
  let fr = path[0].toLowerCase();
  let sr = fr;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        do {
          fn >>= 1;
          sn >>= 1;
        } while (fn % 2 === 0 && fn !== 0);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn >>= 1;
    sn >>= 1;
  }
  return sn === 0 && fr === oldRootHex && sr === newRootHex;
}
