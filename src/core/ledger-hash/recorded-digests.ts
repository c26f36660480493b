import { EventHashRecord } from './integrity';
import { leafHash, LEAVES_BETWEEN_TURNS, MerkleFrontier } from './merkle';
import { nextTurn } from '../next-turn';

/** A digest as recorded in the ledger: the event's position and its data, not trusted to be well formed. */
export interface RecordedDigest {
  readonly position: number;
  readonly size: unknown;
  readonly root: unknown;
}

export interface DigestCheck {
  /** Digests found to match, in the order given, before the first that does not. */
  readonly checked: number;
  /** Where the first digest that does not match points: the last event it covers, or just after the log if it covers more. */
  readonly firstBadPosition?: number;
  readonly problem?: string;
}

/**
 * Checks digests recorded in the ledger against the log's hashes as they are now. A forger who rewrites an event
 * and recomputes every hash after it keeps the chains consistent, but not the roots recorded before the rewrite.
 */
export async function checkRecordedDigests(hashes: readonly EventHashRecord[], recorded: readonly RecordedDigest[]): Promise<DigestCheck> {
  const roots = await prefixRoots(hashes, recorded.map((digest) => digest.size).filter((size): size is number => Number.isSafeInteger(size)));
  for (const [checked, digest] of recorded.entries()) {
    const { size, root, position } = digest;
    if (!Number.isSafeInteger(size) || (size as number) < 1 || typeof root !== 'string') {
      return { checked, firstBadPosition: position, problem: `the digest recorded at position ${position} is not a digest (size ${String(size)}, root ${String(root)})` };
    }
    const n = size as number;
    if (n > hashes.length || roots.get(n) !== root) {
      const firstBadPosition = n > hashes.length ? (hashes.at(-1)?.position ?? 0) + 1 : hashes[n - 1].position;
      return { checked, firstBadPosition, problem: `the digest recorded at position ${position} (first ${n} events) no longer matches the log` };
    }
  }
  return { checked: recorded.length };
}

/** The roots over the first `size` events for each of `sizes` the log reaches, in one pass over it. */
async function prefixRoots(hashes: readonly EventHashRecord[], sizes: readonly number[]): Promise<Map<number, string>> {
  const wanted = new Set(sizes);
  const roots = new Map<number, string>();
  const frontier = new MerkleFrontier();
  for (const { hash } of hashes) {
    if (roots.size === wanted.size) break;
    frontier.add(leafHash(hash));
    if (wanted.has(frontier.size)) roots.set(frontier.size, frontier.root());
    if (frontier.size % LEAVES_BETWEEN_TURNS === 0) await nextTurn();
  }
  return roots;
}
