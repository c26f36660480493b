import { EventHashRecord } from './integrity';
import { leafHash, merkleRoot } from './merkle';

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
export function checkRecordedDigests(hashes: readonly EventHashRecord[], recorded: readonly RecordedDigest[]): DigestCheck {
  const leaves = hashes.map((h) => leafHash(h.hash));
  for (const [checked, digest] of recorded.entries()) {
    const { size, root, position } = digest;
    if (!Number.isSafeInteger(size) || (size as number) < 1 || typeof root !== 'string') {
      return { checked, firstBadPosition: position, problem: `the digest recorded at position ${position} is not a digest (size ${String(size)}, root ${String(root)})` };
    }
    const n = size as number;
    if (n > leaves.length || merkleRoot(leaves.slice(0, n)) !== root) {
      const firstBadPosition = n > leaves.length ? (hashes.at(-1)?.position ?? 0) + 1 : hashes[n - 1].position;
      return { checked, firstBadPosition, problem: `the digest recorded at position ${position} (first ${n} events) no longer matches the log` };
    }
  }
  return { checked: recorded.length };
}
