import { StoredEventText } from './event-hash';
import { ChainEntry, EventHashRecord, IntegrityReport, LedgerIntegrity } from './integrity';
import { leafHash } from './merkle';
import { MerkleTree } from './merkle-tree';
import { ChainedRecord, ChainScanItem, isStreamHidden } from './stream-chain';
import { followStreamChains, verifyStreamChains } from './stream-chain-walk';

const textOf = (record: ChainedRecord): StoredEventText => ({
  position: record.position,
  eventId: record.eventId,
  streamId: record.streamId,
  revision: record.revision,
  type: record.type,
  schemaVersion: record.schemaVersion,
  data: record.data,
  metadata: record.metadata,
  recordedAt: record.recordedAt,
});

/**
 * Tamper evidence over a stream-chained log, given only a way to walk it in order: the backend reads, this decides.
 * Every answer walks the log from its start, as a backend without an index of hashes must.
 */
export class StreamChainIntegrity implements LedgerIntegrity {
  readonly chain = 'stream';

  constructor(private readonly scan: () => AsyncIterable<ChainScanItem> | Iterable<ChainScanItem>) {}

  verify(): Promise<IntegrityReport> {
    return verifyStreamChains(this.scan());
  }

  /** The hashes of the first `size` events of the log (default: all), in log order, as the chains give them. */
  async hashes(size = Number.POSITIVE_INFINITY): Promise<EventHashRecord[]> {
    const hashes: EventHashRecord[] = [];
    if (size < 1) return hashes;
    for await (const followed of followStreamChains(this.scan())) {
      if (isStreamHidden(followed)) continue;
      hashes.push({ position: followed.record.position, hash: followed.hash });
      if (hashes.length >= size) break;
    }
    return hashes;
  }

  /**
   * Over the hashes as they are now, keeping no subtree root between answers: a stream deleted or truncated since
   * would move every leaf after it.
   */
  async tree(size?: number): Promise<MerkleTree> {
    const hashes = await this.hashes(size);
    return new MerkleTree(hashes.length, (from, to) => hashes.slice(from, to).map(({ hash }) => leafHash(hash)));
  }

  async positionOf(index: number): Promise<number> {
    return (await this.hashes(index + 1))[index].position;
  }

  /** The first event with this id in log order: ids are unique within a stream only on EventStoreDB. */
  async entry(eventId: string): Promise<ChainEntry | undefined> {
    for await (const followed of followStreamChains(this.scan())) {
      if (isStreamHidden(followed) || followed.record.eventId !== eventId) continue;
      const { record, index, hash, previous } = followed;
      // The hash the event was stamped over; for an event written before the chain, the one its stream gives.
      return { index, event: textOf(record), previousHash: record.link?.previousHash ?? previous.hash, hash };
    }
    return undefined;
  }
}
