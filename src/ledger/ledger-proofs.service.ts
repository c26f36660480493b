import { Inject, Injectable } from '@nestjs/common';
import { BusinessRuleError, NotFoundError } from '../core/errors/ledger-errors';
import { EVENT_STORE, EventStore } from '../core/event-store/event-store.port';
import { IntegrityReport, LedgerIntegrity } from '../core/ledger-hash/integrity';
import { MerkleTree } from '../core/ledger-hash/merkle-tree';
import { ConsistencyProof, InclusionProof, LedgerDigest } from '../core/ledger-hash/proofs';
import { checkRecordedDigests } from '../core/ledger-hash/recorded-digests';

/** Digests recorded in the ledger itself: a later rewrite of the log before them no longer matches them. */
export const DIGEST_STREAM = 'ledger-digests';
export const DIGEST_RECORDED = 'LedgerDigestRecorded';

export interface VerificationReport extends IntegrityReport {
  /** Digests recorded in the ledger, each checked against the log as it is now. */
  readonly digestsChecked: number;
  /**
   * Digests recorded over another backend's chain, present when there are any: the ledger was copied from there (see
   * `ledger copy`), and this log keeps other hashes, so they are checked against the source's log, not this one.
   */
  readonly digestsOfAnotherChain?: number;
}

/** A digest as recorded in the ledger: with the chain its root was computed over (not named before it was kept). */
export interface RecordedDigest extends LedgerDigest {
  readonly chain?: LedgerIntegrity['chain'];
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
      const data = (event.data ?? {}) as Partial<RecordedDigest>;
      return { position: event.position, size: data.size, root: data.root, chain: data.chain };
    });
    // One that names no chain was recorded before they did, over this log's, unless the log was copied since.
    const own = digests.filter((digest) => digest.chain === undefined || digest.chain === integrity.chain);
    const others = digests.length - own.length;
    const ofAnotherChain = others > 0 ? { digestsOfAnotherChain: others } : {};
    if (own.length === 0) return { ...chain, digestsChecked: 0, ...ofAnotherChain };
    const check = await checkRecordedDigests(integrity, own);
    if (check.problem !== undefined) {
      return { ...chain, ok: false, digestsChecked: check.checked, firstBadPosition: check.firstBadPosition, failure: 'digest', problem: check.problem, ...ofAnotherChain };
    }
    return { ...chain, digestsChecked: check.checked, ...ofAnotherChain };
  }

  /** The chain this ledger's digests are computed over. */
  get chain(): LedgerIntegrity['chain'] {
    return this.integrity().chain;
  }

  async digest(size?: number): Promise<LedgerDigest> {
    const tree = await this.tree(size);
    return { size: tree.size, root: await tree.root() };
  }

  async inclusion(eventId: string, size?: number): Promise<InclusionProof> {
    const integrity = this.integrity();
    const entry = await integrity.entry(eventId);
    if (!entry) throw new NotFoundError('EVENT.NOT_FOUND', `no event ${eventId} in the ledger`, `không có sự kiện ${eventId} trong sổ`, [{ field: 'eventId', rule: 'EVENT.NOT_FOUND', message: 'unknown event id' }]);
    const tree = await this.tree(size);
    if (entry.index >= tree.size) {
      throw new BusinessRuleError('PROOF.EVENT_AFTER_DIGEST', `event ${eventId} is at position ${entry.event.position}, after the digest of ${tree.size} events`, `sự kiện nằm sau bản tóm lược`, 'size');
    }
    return {
      kind: 'inclusion',
      chain: integrity.chain,
      index: entry.index,
      event: entry.event,
      previousHash: entry.previousHash,
      eventHash: entry.hash,
      size: tree.size,
      root: await tree.root(),
      path: await tree.inclusionPath(entry.index),
    };
  }

  async consistency(oldSize: number, newSize?: number): Promise<ConsistencyProof> {
    const tree = await this.tree(newSize);
    if (oldSize < 1 || oldSize > tree.size) {
      throw new BusinessRuleError('PROOF.BAD_SIZES', `from (${oldSize}) must be between 1 and the newer size (${tree.size})`, `kích thước cũ phải từ 1 đến ${tree.size}`, 'from');
    }
    return {
      kind: 'consistency',
      old: { size: oldSize, root: await tree.root(oldSize) },
      new: { size: tree.size, root: await tree.root() },
      path: await tree.consistencyPath(oldSize),
    };
  }

  private integrity(): LedgerIntegrity {
    if (!this.store.integrity) {
      throw new BusinessRuleError('LEDGER.NO_HASH_CHAIN', 'this event store keeps no hash chain', 'kho sự kiện này không lưu chuỗi băm', 'eventStore');
    }
    return this.store.integrity;
  }

  /** The tree over the first `size` events, or over the whole log. */
  private tree(size?: number): Promise<MerkleTree> {
    if (size !== undefined && size < 1) throw new BusinessRuleError('PROOF.BAD_SIZES', 'size must be at least 1', 'kích thước phải từ 1', 'size');
    return this.integrity().tree(size);
  }
}
