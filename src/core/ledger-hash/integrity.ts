/** What a walk of the hash chain found. */
export interface IntegrityReport {
  readonly ok: boolean;
  /** Events whose hashes were checked. */
  readonly checked: number;
  readonly lastPosition: number;
  /** The first position whose content, order or chain does not match, and why. */
  readonly firstBadPosition?: number;
  readonly problem?: string;
}

export interface EventHashRecord {
  readonly position: number;
  readonly eventId: string;
  readonly hash: string;
}

/**
 * Tamper evidence, where the backend keeps a hash chain: each stored event carries a hash over its content, its
 * position and the previous event's hash.
 */
export interface LedgerIntegrity {
  /** Recomputes every hash from the stored bytes, in log order, and reports the first mismatch. */
  verify(): Promise<IntegrityReport>;
  /** The stored event hashes from position 1 up to `upTo` (default: the head), in order. */
  hashes(upTo?: number): Promise<string[]>;
  /** The stored hash of one event, by id. */
  hashOf(eventId: string): Promise<EventHashRecord | undefined>;
}
