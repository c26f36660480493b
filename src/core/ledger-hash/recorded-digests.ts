import { LedgerIntegrity } from './integrity';

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
 * Checks digests recorded in the ledger against the log as it is now. A forger who rewrites an event and recomputes
 * every hash after it keeps the chains consistent, but not the roots recorded before the rewrite. Each root comes from
 * one tree, which shares its subtrees between the digests; on SQLite it starts from the kept roots, which the
 * verification's walk has just checked against the log. A digest recorded every day costs about a millisecond each.
 */
export async function checkRecordedDigests(integrity: Pick<LedgerIntegrity, 'tree' | 'positionOf'>, recorded: readonly RecordedDigest[]): Promise<DigestCheck> {
  const tree = await integrity.tree();
  for (const [checked, digest] of recorded.entries()) {
    const { size, root, position } = digest;
    if (!Number.isSafeInteger(size) || (size as number) < 1 || typeof root !== 'string') {
      return { checked, firstBadPosition: position, problem: `the digest recorded at position ${position} is not a digest (size ${String(size)}, root ${String(root)})` };
    }
    const n = size as number;
    const problem = `the digest recorded at position ${position} (first ${n} events) no longer matches the log`;
    if (n > tree.size) return { checked, firstBadPosition: (tree.size > 0 ? await integrity.positionOf(tree.size - 1) : 0) + 1, problem };
    if ((await tree.root(n)) !== root) return { checked, firstBadPosition: await integrity.positionOf(n - 1), problem };
  }
  return { checked: recorded.length };
}
