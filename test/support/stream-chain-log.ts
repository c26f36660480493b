import { streamEventHash } from '../../src/core/ledger-hash/event-hash';
import { ChainedRecord, chainEvents, EMPTY_STREAM, StreamHead, streamTextOf } from '../../src/core/ledger-hash/stream-chain';
import { mulberry32 } from '../../src/synthetic/mulberry32';
import { anEvent } from './event-factory';

/**
 * A stream-chained log as EventStoreDB would hold it, without a server: events of a few streams interleaved, each
 * chained by the same function the adapters use, at positions with uneven gaps and recorded times one apart.
 * Seeded, so a failing case can be replayed.
 */
export function streamChainedLog(size: number, options: { streams?: number; seed?: number } = {}): ChainedRecord[] {
  const random = mulberry32(options.seed ?? 1);
  const heads = new Map<string, StreamHead>();
  const log: ChainedRecord[] = [];
  let position = 1000;
  for (let i = 0; i < size; i++) {
    const streamId = `procedure-1.00${Math.floor(random() * (options.streams ?? 5))}`;
    const head = heads.get(streamId) ?? EMPTY_STREAM;
    const recordedAt = new Date(Date.UTC(2024, 0, 1) + i * 1000).toISOString();
    const [{ event, revision, stamp }] = chainEvents(head, streamId, [anEvent(`Thủ tục ${i}`)], recordedAt);
    position += 2 * (1 + Math.floor(random() * 40));
    log.push({
      position,
      ...streamTextOf(event, streamId, revision, recordedAt),
      link: { previousHash: stamp.previousHash, hash: stamp.hash },
    });
    heads.set(streamId, { revision, hash: stamp.hash, recordedAt });
  }
  return log;
}

/** What a careful forger does after changing events of a stream: hashes every event of it again, in order. */
export function rechain(log: readonly ChainedRecord[], streamId: string): ChainedRecord[] {
  let previous = EMPTY_STREAM.hash;
  return log.map((record) => {
    if (record.streamId !== streamId) return record;
    const hash = streamEventHash(previous, record);
    const rechained = { ...record, link: { previousHash: previous, hash } };
    previous = hash;
    return rechained;
  });
}
