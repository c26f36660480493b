import { streamEventHash } from './event-hash';
import { IntegrityFailure, IntegrityReport } from './integrity';
import { ChainedRecord, ChainScanItem, EMPTY_STREAM, hashOfRecord, isStreamHidden, StreamHead, StreamHidden } from './stream-chain';

/** An event met along the log, with what its stream's chain says before it. */
export interface FollowedEvent {
  readonly record: ChainedRecord;
  /** 0-based place in the log's order: its leaf in the digests. */
  readonly index: number;
  /** The hash it carries, or the one its content gives if it was written before the chain. */
  readonly hash: string;
  /** The event before it in its stream as met so far; `EMPTY_STREAM` for the first. */
  readonly previous: StreamHead;
}

type Items = AsyncIterable<ChainScanItem> | Iterable<ChainScanItem>;

/** Walks the log in order, keeping the head of every stream: each event comes out with its stream's head before it. */
export async function* followStreamChains(items: Items): AsyncGenerator<FollowedEvent | StreamHidden> {
  const heads = new Map<string, StreamHead>();
  let index = 0;
  for await (const item of items) {
    if (isStreamHidden(item)) {
      yield item;
      continue;
    }
    const previous = heads.get(item.streamId) ?? EMPTY_STREAM;
    const hash = hashOfRecord(item, previous);
    heads.set(item.streamId, { revision: item.revision, hash, recordedAt: item.recordedAt });
    yield { record: item, index: index++, hash, previous };
  }
}

interface Finding {
  readonly failure: IntegrityFailure;
  readonly problem: string;
}

/**
 * What is wrong with one event, checked in the order that names the cause: its place (position, revision), then its
 * link to the event before it in its stream, then its own content against its hash.
 */
export function checkFollowedEvent(followed: FollowedEvent, lastPosition: number, chainStarted: boolean): Finding | undefined {
  const { record: e, previous } = followed;
  const at = `event ${e.eventId} at position ${e.position} (revision ${e.revision} of ${e.streamId})`;
  if (e.position <= lastPosition) {
    return { failure: 'order', problem: `${at} comes after position ${lastPosition} in the log` };
  }
  if (e.revision !== previous.revision + 1) {
    return { failure: 'order', problem: `${at} follows revision ${previous.revision} of its stream: an event of the stream is missing, repeated or out of order` };
  }
  if (!e.link) {
    // Unchained events are those written before the ledger kept hashes on this backend: they can only come first.
    return chainStarted ? { failure: 'content', problem: `${at} carries no hash although events before it in the log do: it was written around the ledger, or its hash was removed` } : undefined;
  }
  if (e.link.previousHash !== previous.hash) {
    return { failure: 'chain', problem: `${at} does not name the hash of the event before it in its stream: an event before it was deleted, inserted or replaced` };
  }
  if (previous.recordedAt !== undefined && e.recordedAt < previous.recordedAt) {
    return { failure: 'order', problem: `${at} was recorded at ${e.recordedAt}, before the event before it in its stream (${previous.recordedAt})` };
  }
  if (streamEventHash(e.link.previousHash, e) !== e.link.hash) {
    return { failure: 'content', problem: `${at} does not match its hash: its content, its recorded time or its hash changed` };
  }
  return undefined;
}

/**
 * Walks a stream-chained log in order (EventStoreDB's $all order) and reports the first event whose place, link or
 * content does not match, or the first change that hides events of a stream. A stream's chain cannot see events cut
 * from its end, nor a whole stream gone: the recorded digests, checked after this walk, cover those.
 */
export async function verifyStreamChains(items: Items): Promise<IntegrityReport> {
  let checked = 0;
  let lastPosition = 0;
  let unchained = 0;
  let chainStarted = false;
  const bad = (firstBadPosition: number, { failure, problem }: Finding): IntegrityReport => ({
    ok: false,
    checked,
    lastPosition,
    firstBadPosition,
    failure,
    problem,
    ...(unchained > 0 && { unchained }),
  });
  for await (const followed of followStreamChains(items)) {
    if (isStreamHidden(followed)) {
      return bad(followed.position, {
        failure: 'chain',
        problem: `at position ${followed.position} stream ${followed.streamId} ${followed.hides}: its readers no longer see every event of its chain`,
      });
    }
    const finding = checkFollowedEvent(followed, lastPosition, chainStarted);
    if (finding) return bad(followed.record.position, finding);
    if (followed.record.link) chainStarted = true;
    else unchained += 1;
    checked += 1;
    lastPosition = followed.record.position;
  }
  return { ok: true, checked, lastPosition, ...(unchained > 0 && { unchained }) };
}
