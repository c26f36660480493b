import { eventHash, StoredEventText, streamEventHash } from './event-hash';
import { verifyConsistency, verifyInclusion } from './merkle';

/** A digest: the Merkle root over the first `size` events of the log. */
export interface LedgerDigest {
  readonly size: number;
  readonly root: string;
}

/** Everything needed to check that one event, byte for byte, is in a digest. */
export interface InclusionProof {
  readonly kind: 'inclusion';
  /**
   * How the event's hash is formed: `log` over the event before it in the log and its position (SQLite), `stream`
   * over the event before it in its stream (EventStoreDB). Proofs made before the stream chain existed omit it: `log`.
   */
  readonly chain?: 'log' | 'stream';
  /** 0-based place of the event in the digest; proofs made before it was given omit it: position − 1. */
  readonly index?: number;
  readonly event: StoredEventText;
  /** Hash the event's own hash chains on (see `chain`), so that hash can be recomputed. */
  readonly previousHash: string;
  readonly eventHash: string;
  readonly size: number;
  readonly root: string;
  readonly path: readonly string[];
}

/** Everything needed to check that an older digest is a prefix of a newer one. */
export interface ConsistencyProof {
  readonly kind: 'consistency';
  readonly old: LedgerDigest;
  readonly new: LedgerDigest;
  readonly path: readonly string[];
}

export type LedgerProof = InclusionProof | ConsistencyProof;

export interface ProofCheck {
  readonly valid: boolean;
  readonly reason: string;
}

/**
 * Checks a proof with nothing but the proof itself and, optionally, a digest root obtained elsewhere (published,
 * or recorded in the ledger): no access to the ledger is needed.
 */
export function checkProof(proof: LedgerProof, trustedRoot?: string): ProofCheck {
  if (proof.kind === 'inclusion') return checkInclusion(proof, trustedRoot);
  if (trustedRoot !== undefined && trustedRoot !== proof.new.root && trustedRoot !== proof.old.root) {
    return { valid: false, reason: 'neither digest of the proof is the trusted one' };
  }
  const ok = verifyConsistency(proof.old.size, proof.new.size, proof.old.root, proof.new.root, proof.path);
  return ok
    ? { valid: true, reason: `the digest of the first ${proof.old.size} events is a prefix of the digest of the first ${proof.new.size}` }
    : { valid: false, reason: 'the older digest is not a prefix of the newer one' };
}

function checkInclusion(proof: InclusionProof, trustedRoot: string | undefined): ProofCheck {
  const { event } = proof;
  const stream = proof.chain === 'stream';
  const recomputed = stream ? streamEventHash(proof.previousHash, event) : eventHash(proof.previousHash, event);
  if (recomputed !== proof.eventHash) return { valid: false, reason: 'the event content does not match its hash' };
  if (trustedRoot !== undefined && trustedRoot !== proof.root) return { valid: false, reason: 'the proof is for another digest than the trusted one' };
  // A log-chained event's position is under its hash and numbers the log without gaps: its place follows from it.
  const index = proof.index ?? (stream ? Number.NaN : event.position - 1);
  if (!Number.isSafeInteger(index)) return { valid: false, reason: 'the proof gives no whole index for the event' };
  if (!stream && index !== event.position - 1) return { valid: false, reason: `the proof places the event at index ${index}, not where its position ${event.position} puts it` };
  if (!verifyInclusion(proof.eventHash, index, proof.size, proof.path, proof.root)) return { valid: false, reason: 'the audit path does not lead to the digest' };
  // A stream-chained event's position is the backend's, outside its hash: the proof vouches for its place in the digest.
  return stream
    ? { valid: true, reason: `event ${event.eventId} (revision ${event.revision} of ${event.streamId}) is event ${index + 1} of the digest of the first ${proof.size} events` }
    : { valid: true, reason: `event ${event.eventId} at position ${event.position} is in the digest of the first ${proof.size} events` };
}
