import { StoredEventText } from './event-hash';
import { MerkleTree } from './merkle-tree';

/**
 * What failed at the first bad position:
 * - `content`: the event does not match its own hash (a changed byte, a replaced hash, a hash removed);
 * - `chain`: the event does not name the hash of the event before it (an event deleted, inserted or replaced
 *   before it, or, on EventStoreDB, a stream truncated or deleted so that readers no longer see all of it);
 * - `order`: the event is not where the log or its stream puts it (a position or revision missing, repeated or
 *   out of order, a recorded time going back within a stream);
 * - `digest`: a digest recorded in the ledger, or a subtree root kept for proofs, no longer matches the log.
 */
export type IntegrityFailure = 'content' | 'chain' | 'order' | 'digest';

/** What a walk of the hash chain found. */
export interface IntegrityReport {
  readonly ok: boolean;
  /** Events whose hashes were checked. */
  readonly checked: number;
  /** Position of the last event checked and found good (0 when none). */
  readonly lastPosition: number;
  /** The first position whose content, order or chain does not match, and why. */
  readonly firstBadPosition?: number;
  readonly failure?: IntegrityFailure;
  readonly problem?: string;
  /**
   * EventStoreDB only: events at the start of the log written before the ledger kept hashes there. Their hashes are
   * computed from their content as it is now, so they are covered only from the first chained event or recorded
   * digest after them on.
   */
  readonly unchained?: number;
}

/** One leaf of the digests: an event's hash and where it is. */
export interface EventHashRecord {
  readonly position: number;
  readonly hash: string;
}

/** Everything an inclusion proof needs about one event. */
export interface ChainEntry {
  /** 0-based place of the event in the log's order: its leaf in the Merkle tree. */
  readonly index: number;
  /** The event as its hash covers it. */
  readonly event: StoredEventText;
  /** The hash the event's own hash chains on: the event before it in the log, or in its stream. */
  readonly previousHash: string;
  readonly hash: string;
}

/**
 * Tamper evidence, where the backend keeps a hash chain. `log`: each stored event's hash covers its content, its
 * position and the previous event's hash in the log (SQLite). `stream`: it covers its content and the previous
 * event's hash in its own stream, and the digests fix the order across streams (EventStoreDB).
 */
export interface LedgerIntegrity {
  readonly chain: 'log' | 'stream';
  /** Recomputes every hash from the stored bytes, in log order, and reports the first mismatch. */
  verify(): Promise<IntegrityReport>;
  /** The Merkle tree over the first `size` events of the log (default: all), for digests and proofs. */
  tree(size?: number): Promise<MerkleTree>;
  /** The position of the event at this 0-based place in the log's order: where a digest that fails points. */
  positionOf(index: number): Promise<number>;
  /** One event, by id, as its hash covers it, with its place in the log. */
  entry(eventId: string): Promise<ChainEntry | undefined>;
}
