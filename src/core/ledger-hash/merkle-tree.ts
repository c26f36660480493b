import { nextTurn } from '../next-turn';
import { consistencyRanges, EMPTY_ROOT, inclusionRanges, LeafRange, LEAVES_BETWEEN_TURNS, MerkleFrontier, nodeHash } from './merkle';

/**
 * Subtrees of 2^6 = 64 leaves and more have their roots kept; smaller ones are folded from their leaves. A proof then
 * hashes a few hundred leaves however long the log (a SHA-256 costs about 2 µs here, so hashing is most of a proof's
 * time), and a million-event log keeps about 31,000 roots, some 2 MB.
 */
export const KEPT_SUBTREE_LEVEL = 6;

/** The root of a complete subtree: leaves [index · 2^level, (index + 1) · 2^level). */
export interface SubtreeRoot {
  readonly level: number;
  readonly index: number;
  readonly root: string;
}

/** The tree's leaves by range: leaf n is the leaf hash of the log's (n + 1)-th event. */
export type LeafReader = (from: number, to: number) => readonly string[] | Promise<readonly string[]>;

/**
 * Roots of complete subtrees kept between requests. A complete subtree's leaves are events the log already holds, and
 * they never change, so neither does its root. `verify` checks every kept root against the log.
 */
export interface KeptSubtreeRoots {
  get(level: number, index: number): string | undefined;
  /** Roots computed while answering; a store that cannot write (a read-only or full disk) keeps none. */
  keep(roots: readonly SubtreeRoot[]): void;
}

/**
 * The Merkle tree over the first `size` events of the log (RFC 9162), answering from the roots of complete subtrees
 * where it can: over a kept tree, a digest or proof costs a few hundred leaves, not the whole log. Roots it computes
 * are handed to the store when it answers. Leaves are hashed with turns of the event loop between, so the first
 * answer over a long log leaves the service answering its other requests.
 */
export class MerkleTree {
  /** Roots met or computed while answering, so that the root and the path of one proof share their subtrees. */
  private readonly known = new Map<string, string>();
  private readonly found: SubtreeRoot[] = [];
  private leavesSinceTurn = 0;

  constructor(
    readonly size: number,
    private readonly readLeaves: LeafReader,
    private readonly kept?: KeptSubtreeRoots,
  ) {}

  /** The root over the first `size` leaves (the whole tree by default): a digest. */
  root(size = this.size): Promise<string> {
    if (size < 0 || size > this.size) throw new RangeError(`a digest of ${size} leaves from a tree of ${this.size}`);
    if (size === 0) return Promise.resolve(EMPTY_ROOT);
    return this.answer(() => this.rangeRoot([0, size]));
  }

  /** The audit path of leaf `index` (0-based). */
  inclusionPath(index: number): Promise<string[]> {
    return this.answer(() => this.rangeRoots(inclusionRanges(index, this.size)));
  }

  /** The proof that the tree of the first `oldSize` leaves is a prefix of this one. */
  consistencyPath(oldSize: number): Promise<string[]> {
    return this.answer(() => this.rangeRoots(consistencyRanges(oldSize, this.size)));
  }

  private async answer<T>(compute: () => Promise<T>): Promise<T> {
    const answer = await compute();
    if (this.found.length > 0) this.kept?.keep(this.found.splice(0));
    return answer;
  }

  private async rangeRoots(ranges: readonly LeafRange[]): Promise<string[]> {
    const roots: string[] = [];
    for (const range of ranges) roots.push(await this.rangeRoot(range));
    return roots;
  }

  /**
   * The root over leaves [from, to), a node of the tree: the complete subtrees its size decomposes into, largest
   * first, folded from the right, as the tree splits at the largest power of two below its size. A node starts at a
   * multiple of every power of two up to its size, so each of those subtrees is a node of the tree too.
   */
  private async rangeRoot([from, to]: LeafRange): Promise<string> {
    const roots: string[] = [];
    let start = from;
    for (let level = Math.floor(Math.log2(to - from)); level >= 0 && start < to; level--) {
      const leaves = 2 ** level;
      if (to - start < leaves) continue;
      if (start % leaves !== 0) throw new RangeError(`leaves [${from}, ${to}) are not a node of the tree`);
      roots.push(await this.subtreeRoot(level, start / leaves));
      start += leaves;
    }
    let root = roots.pop()!;
    while (roots.length > 0) root = nodeHash(roots.pop()!, root);
    return root;
  }

  private async subtreeRoot(level: number, index: number): Promise<string> {
    if (level < KEPT_SUBTREE_LEVEL) return this.foldLeaves(index * 2 ** level, (index + 1) * 2 ** level);
    const key = `${level}:${index}`;
    const known = this.known.get(key) ?? this.kept?.get(level, index);
    if (known) return known;
    const root = nodeHash(await this.subtreeRoot(level - 1, 2 * index), await this.subtreeRoot(level - 1, 2 * index + 1));
    this.known.set(key, root);
    this.found.push({ level, index, root });
    return root;
  }

  private async foldLeaves(from: number, to: number): Promise<string> {
    const frontier = new MerkleFrontier();
    for (const leaf of await this.readLeaves(from, to)) frontier.add(leaf);
    if (frontier.size !== to - from) throw new Error(`leaves [${from}, ${to}) read as ${frontier.size}: the log has a gap there`);
    this.leavesSinceTurn += frontier.size;
    if (this.leavesSinceTurn >= LEAVES_BETWEEN_TURNS) {
      this.leavesSinceTurn = 0;
      await nextTurn();
    }
    return frontier.root();
  }
}

/** A tree over leaves held in memory, keeping nothing beyond one answer. */
export const treeOf = (leaves: readonly string[], size = leaves.length): MerkleTree => new MerkleTree(size, (from, to) => leaves.slice(from, to));

/** The root over the first `size` leaves (all of them by default): a digest. */
export const merkleRoot = (leaves: readonly string[], size = leaves.length): Promise<string> => treeOf(leaves, size).root();

/** The audit path of leaf `index` (0-based) in the tree of the first `size` leaves. */
export const inclusionProof = (leaves: readonly string[], index: number, size: number): Promise<string[]> => treeOf(leaves, size).inclusionPath(index);

/** Proof that the tree of the first `oldSize` leaves is a prefix of the tree of the first `newSize`. */
export const consistencyProof = (leaves: readonly string[], oldSize: number, newSize: number): Promise<string[]> =>
  treeOf(leaves, newSize).consistencyPath(oldSize);
