import { Inject, Injectable } from '@nestjs/common';
import { BusinessRuleError, NotFoundError } from '../core/errors/ledger-errors';
import { EVENT_STORE, EventStore } from '../core/event-store/event-store.port';
import { IntegrityReport, LedgerIntegrity } from '../core/ledger-hash/integrity';
import { consistencyProof, inclusionProof, leafHash, LEAVES_BETWEEN_TURNS, merkleRoot } from '../core/ledger-hash/merkle';
import { ConsistencyProof, InclusionProof, LedgerDigest } from '../core/ledger-hash/proofs';
import { checkRecordedDigests } from '../core/ledger-hash/recorded-digests';
import { nextTurn } from '../core/next-turn';

/** Digests recorded in the ledger itself: a later rewrite of the log before them no longer matches them. */
export const DIGEST_STREAM = 'ledger-digests';
export const DIGEST_RECORDED = 'LedgerDigestRecorded';

export interface VerificationReport extends IntegrityReport {
  /** Digests recorded in the ledger, each checked against the log as it is now. */
  readonly digestsChecked: number;
}

/**
 * Verification, digests and proofs over the log's hash chain. Digests and proofs count events in log order, never
 * with positions: on EventStoreDB positions have gaps, and the n-th event of the log is the n-th leaf.
 */
@Injectable()
export class LedgerProofs {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async verify(): Promise<VerificationReport> {
    const integrity = this.integrity();
    const chain = await integrity.verify();
    if (!chain.ok) return { ...chain, digestsChecked: 0 };
    const recorded = (await this.store.readStream(DIGEST_STREAM)).filter((event) => event.type === DIGEST_RECORDED);
    const digests = recorded.map((event) => {
      const data = (event.data ?? {}) as Partial<LedgerDigest>;
      return { position: event.position, size: data.size, root: data.root };
    });
    const check = await checkRecordedDigests(await integrity.hashes(), digests);
    if (check.problem !== undefined) {
      return { ...chain, ok: false, digestsChecked: check.checked, firstBadPosition: check.firstBadPosition, failure: 'digest', problem: check.problem };
    }
    return { ...chain, digestsChecked: check.checked };
  }

  async digest(size?: number): Promise<LedgerDigest> {
    const leaves = await this.leaves(size);
    return { size: leaves.length, root: await merkleRoot(leaves) };
  }

  async inclusion(eventId: string, size?: number): Promise<InclusionProof> {
    const integrity = this.integrity();
    const entry = await integrity.entry(eventId);
    if (!entry) throw new NotFoundError('EVENT.NOT_FOUND', `no event ${eventId} in the ledger`, `không có sự kiện ${eventId} trong sổ`, [{ field: 'eventId', rule: 'EVENT.NOT_FOUND', message: 'unknown event id' }]);
    const leaves = await this.leaves(size);
    if (entry.index >= leaves.length) {
      throw new BusinessRuleError('PROOF.EVENT_AFTER_DIGEST', `event ${eventId} is at position ${entry.event.position}, after the digest of ${leaves.length} events`, `sự kiện nằm sau bản tóm lược`, 'size');
    }
    return {
      kind: 'inclusion',
      chain: integrity.chain,
      index: entry.index,
      event: entry.event,
      previousHash: entry.previousHash,
      eventHash: entry.hash,
      size: leaves.length,
      root: await merkleRoot(leaves),
      path: await inclusionProof(leaves, entry.index, leaves.length),
    };
  }

  async consistency(oldSize: number, newSize?: number): Promise<ConsistencyProof> {
    const leaves = await this.leaves(newSize);
    if (oldSize < 1 || oldSize > leaves.length) {
      throw new BusinessRuleError('PROOF.BAD_SIZES', `from (${oldSize}) must be between 1 and the newer size (${leaves.length})`, `kích thước cũ phải từ 1 đến ${leaves.length}`, 'from');
    }
    return {
      kind: 'consistency',
      old: { size: oldSize, root: await merkleRoot(leaves, oldSize) },
      new: { size: leaves.length, root: await merkleRoot(leaves) },
      path: await consistencyProof(leaves, oldSize, leaves.length),
    };
  }

  private integrity(): LedgerIntegrity {
    if (!this.store.integrity) {
      throw new BusinessRuleError('LEDGER.NO_HASH_CHAIN', 'this event store keeps no hash chain', 'kho sự kiện này không lưu chuỗi băm', 'eventStore');
    }
    return this.store.integrity;
  }

  /** The leaves of the first `size` events, hashed with turns of the event loop between, as their roots are folded. */
  private async leaves(size?: number): Promise<Buffer[]> {
    if (size !== undefined && size < 1) throw new BusinessRuleError('PROOF.BAD_SIZES', 'size must be at least 1', 'kích thước phải từ 1', 'size');
    const leaves: Buffer[] = [];
    for (const { hash } of await this.integrity().hashes(size)) {
      leaves.push(leafHash(hash));
      if (leaves.length % LEAVES_BETWEEN_TURNS === 0) await nextTurn();
    }
    return leaves;
  }
}
