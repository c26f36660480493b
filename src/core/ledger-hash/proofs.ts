import { eventHash, StoredEventText } from './event-hash';
import { verifyConsistency, verifyInclusion } from './merkle';

/** A digest: the Merkle root over the first `size` events of the log. */
export interface LedgerDigest {
  readonly size: number;
  readonly root: string;
}

/** Everything needed to check that one event, byte for byte, is in a digest. */
export interface InclusionProof {
  readonly kind: 'inclusion';
  readonly event: StoredEventText;
  /** Hash of the event before it in the log (the chain), so the event's own hash can be recomputed. */
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
  if (proof.kind === 'inclusion') {
    if (eventHash(proof.previousHash, proof.event) !== proof.eventHash) return { valid: false, reason: 'the event content does not match its hash' };
    if (trustedRoot !== undefined && trustedRoot !== proof.root) return { valid: false, reason: 'the proof is for another digest than the trusted one' };
    const ok = verifyInclusion(proof.eventHash, proof.event.position - 1, proof.size, proof.path, proof.root);
    return ok
      ? { valid: true, reason: `event ${proof.event.eventId} at position ${proof.event.position} is in the digest of the first ${proof.size} events` }
      : { valid: false, reason: 'the audit path does not lead to the digest' };
  }
  if (trustedRoot !== undefined && trustedRoot !== proof.new.root && trustedRoot !== proof.old.root) {
    return { valid: false, reason: 'neither digest of the proof is the trusted one' };
  }
  const ok = verifyConsistency(proof.old.size, proof.new.size, proof.old.root, proof.new.root, proof.path);
  return ok
    ? { valid: true, reason: `the digest of the first ${proof.old.size} events is a prefix of the digest of the first ${proof.new.size}` }
    : { valid: false, reason: 'the older digest is not a prefix of the newer one' };
}
