import { Inject, Injectable } from '@nestjs/common';
import { RecordedEvent } from '../core/event-envelope';
import { BusinessRuleError, NotFoundError } from '../core/errors/ledger-errors';
import { EVENT_STORE, EventStore } from '../core/event-store/event-store.port';
import { IntegrityReport, LedgerIntegrity } from '../core/ledger-hash/integrity';
import { consistencyProof, inclusionProof, leafHash, merkleRoot } from '../core/ledger-hash/merkle';
import { ConsistencyProof, InclusionProof, LedgerDigest } from '../core/ledger-hash/proofs';

/** Digests recorded in the ledger itself: a later rewrite of the log before them no longer matches them. */
export const DIGEST_STREAM = 'ledger-digests';
export const DIGEST_RECORDED = 'LedgerDigestRecorded';

export interface VerificationReport extends IntegrityReport {
  /** Digests recorded in the ledger, each checked against the log as it is now. */
  readonly digestsChecked: number;
}

/** Verification, digests and proofs over the log's hash chain. */
@Injectable()
export class LedgerProofs {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async verify(): Promise<VerificationReport> {
    const chain = await this.integrity().verify();
    if (!chain.ok) return { ...chain, digestsChecked: 0 };
    const recorded = await this.store.readStream(DIGEST_STREAM);
    const hashes = await this.integrity().hashes();
    const leaves = hashes.map(leafHash);
    for (const event of recorded) {
      const { size, root } = event.data as LedgerDigest;
      if (size > leaves.length || merkleRoot(leaves.slice(0, size)) !== root) {
        return { ...chain, ok: false, digestsChecked: recorded.indexOf(event), firstBadPosition: Math.min(size, leaves.length + 1), problem: `the digest recorded at position ${event.position} (first ${size} events) no longer matches the log` };
      }
    }
    return { ...chain, digestsChecked: recorded.length };
  }

  async digest(size?: number): Promise<LedgerDigest> {
    const leaves = await this.leaves(size);
    return { size: leaves.length, root: merkleRoot(leaves) };
  }

  async inclusion(eventId: string, size?: number): Promise<InclusionProof> {
    const record = await this.integrity().hashOf(eventId);
    if (!record) throw new NotFoundError('EVENT.NOT_FOUND', `no event ${eventId} in the ledger`, `không có sự kiện ${eventId} trong sổ`, [{ field: 'eventId', rule: 'EVENT.NOT_FOUND', message: 'unknown event id' }]);
    const leaves = await this.leaves(size);
    if (record.position > leaves.length) {
      throw new BusinessRuleError('PROOF.EVENT_AFTER_DIGEST', `event ${eventId} is at position ${record.position}, after the digest of ${leaves.length} events`, `sự kiện nằm sau bản tóm lược`, 'size');
    }
    const [stored] = await this.store.readAll({ fromPosition: record.position, maxCount: 1 });
    const hashes = await this.integrity().hashes(record.position);
    return {
      kind: 'inclusion',
      event: storedText(stored),
      previousHash: hashes.length > 1 ? hashes[hashes.length - 2] : '0'.repeat(64),
      eventHash: record.hash,
      size: leaves.length,
      root: merkleRoot(leaves),
      path: inclusionProof(leaves, record.position - 1, leaves.length),
    };
  }

  async consistency(oldSize: number, newSize?: number): Promise<ConsistencyProof> {
    const leaves = await this.leaves(newSize);
    if (oldSize < 1 || oldSize > leaves.length) {
      throw new BusinessRuleError('PROOF.BAD_SIZES', `from (${oldSize}) must be between 1 and the newer size (${leaves.length})`, `kích thước cũ phải từ 1 đến ${leaves.length}`, 'from');
    }
    return {
      kind: 'consistency',
      old: { size: oldSize, root: merkleRoot(leaves.slice(0, oldSize)) },
      new: { size: leaves.length, root: merkleRoot(leaves) },
      path: consistencyProof(leaves, oldSize, leaves.length),
    };
  }

  private integrity(): LedgerIntegrity {
    if (!this.store.integrity) {
      throw new BusinessRuleError('LEDGER.NO_HASH_CHAIN', 'this event store keeps no hash chain', 'kho sự kiện này không lưu chuỗi băm', 'eventStore');
    }
    return this.store.integrity;
  }

  private async leaves(size?: number): Promise<Buffer[]> {
    if (size !== undefined && size < 1) throw new BusinessRuleError('PROOF.BAD_SIZES', 'size must be at least 1', 'kích thước phải từ 1', 'size');
    return (await this.integrity().hashes(size)).map(leafHash);
  }
}

/** The event as its hash saw it: JSON text re-serialised exactly as the store wrote it. */
function storedText(event: RecordedEvent) {
  return {
    position: event.position,
    eventId: event.id,
    streamId: event.streamId,
    revision: event.revision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
    recordedAt: event.recordedAt,
  };
}
