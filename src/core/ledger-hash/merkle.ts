import { createHash } from 'node:crypto';
/**
 * A Merkle tree over the log's event hashes, as Certificate Transparency defines it (RFC 9162, section 2.1):
 * leaves and nodes are hashed with distinct prefixes, and a tree of n leaves splits at the largest power of two
 * below n. A digest (the root over the first n events) can be published; an inclusion proof shows one event is in
 * it, a consistency proof shows an older digest is a prefix of a newer one. Both check with nothing but hashes.
 * (Written out here because the npm Merkle libraries build other tree shapes and lack consistency proofs.)
 */

const sha256 = (...parts: Buffer[]): Buffer => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
};
const LEAF = Buffer.from([0]);
const NODE = Buffer.from([1]);

export const leafHash = (eventHashHex: string): Buffer => sha256(LEAF, Buffer.from(eventHashHex, 'hex'));
export const nodeHash = (left: Buffer, right: Buffer): Buffer => sha256(NODE, left, right);
/** The root of the tree of no leaves: the hash of nothing. */
export const EMPTY_ROOT = sha256().toString('hex');

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
  private readonly subtrees: Array<{ readonly size: number; readonly hash: Buffer }> = [];
  private leaves = 0;

  /** `completed`, if given, hears of every complete subtree as its last leaf is added: its level, index and root. */
  constructor(private readonly completed?: (level: number, index: number, root: Buffer) => void) {}

  get size(): number {
    return this.leaves;
  }

  add(leaf: Buffer): void {
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
  rootHash(): Buffer {
    if (this.subtrees.length === 0) return sha256();
    let hash = this.subtrees.at(-1)!.hash;
    for (let i = this.subtrees.length - 2; i >= 0; i--) hash = nodeHash(this.subtrees[i].hash, hash);
    return hash;
  }

  root(): string {
    return this.rootHash().toString('hex');
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

/** Checks an inclusion proof (RFC 9162, 2.1.3.2): does this event hash sit at `index` under `rootHex`? */
export function verifyInclusion(eventHashHex: string, index: number, size: number, proof: readonly string[], rootHex: string): boolean {
  if (index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r: Buffer = leafHash(eventHashHex);
  for (const hex of proof) {
    const p = Buffer.from(hex, 'hex');
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
  return sn === 0 && r.toString('hex') === rootHex;
}

/** Checks a consistency proof (RFC 9162, 2.1.4.2): is the old root a prefix of the new one? */
export function verifyConsistency(oldSize: number, newSize: number, oldRootHex: string, newRootHex: string, proof: readonly string[]): boolean {
  if (oldSize === newSize) return proof.length === 0 && oldRootHex === newRootHex;
  if (oldSize === 0 || oldSize > newSize) return false;
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
  let fr: Buffer = Buffer.from(path[0], 'hex');
  let sr: Buffer = fr;
  for (const hex of path.slice(1)) {
    const c = Buffer.from(hex, 'hex');
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
  return sn === 0 && fr.toString('hex') === oldRootHex && sr.toString('hex') === newRootHex;
}
