import { NewEvent, RecordedEvent } from '../event-envelope';
import { GENESIS_HASH, StoredEventText, StreamEventText, streamEventHash } from './event-hash';

/*
 * The stream chain, as EventStoreDB keeps it: each event carries the hash of its own content and of the event before
 * it in its stream. The server assigns an event's global position and its `created` time only once it is stored, and
 * a stored event never changes, so neither can be under a hash the event itself carries: the recorded time the hash
 * covers is the one the ledger stamps, and the order across streams is fixed by the digests (Merkle roots over the
 * hashes in log order) instead.
 */

/** An event's link in its stream's chain: the hash it chains on, and its own. */
export interface ChainLink {
  readonly previousHash: string;
  readonly hash: string;
}

/** What a stream-chained event is stored with, beside its content: its link and the recorded time its hash covers. */
export interface ChainStamp extends ChainLink {
  readonly recordedAt: string;
}

/** The last event of a stream, as the next append chains on it. */
export interface StreamHead {
  /** Revision of the stream's last event; -1 for a stream not written yet. */
  readonly revision: number;
  readonly hash: string;
  readonly recordedAt?: string;
}

/** The head of a stream with no events: the first event chains on the genesis hash. */
export const EMPTY_STREAM: StreamHead = { revision: -1, hash: GENESIS_HASH };

/**
 * A stored event as a stream-chained backend reads it back: its content as its hash covers it, and its link if it
 * carries one. `recordedAt` is the stamped time, or the backend's own for an event written before the chain.
 */
export interface ChainedRecord extends StoredEventText {
  readonly link?: ChainLink;
}

/** A change seen in the log that hides events of a stream from its readers (a truncation or deletion). */
export interface StreamHidden {
  readonly position: number;
  readonly streamId: string;
  /** What happened to the stream, in words: "was deleted for good (tombstoned)". */
  readonly hides: string;
}

/** What a walk along a stream-chained log meets: events, and changes that hide events. */
export type ChainScanItem = ChainedRecord | StreamHidden;

export const isStreamHidden = <Other extends object>(item: Other | StreamHidden): item is StreamHidden => 'hides' in item;

/** An event of an append, chained and ready to store. */
export interface ChainedNewEvent {
  readonly event: NewEvent;
  readonly revision: number;
  readonly stamp: ChainStamp;
}

/** The content of an event as its hash covers it: data and metadata as the JSON text the store keeps. */
export function streamTextOf(event: NewEvent, streamId: string, revision: number, recordedAt: string): StreamEventText {
  return {
    eventId: event.id,
    streamId,
    revision,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: JSON.stringify(event.data),
    metadata: JSON.stringify(event.metadata),
    recordedAt,
  };
}

/** A recorded event as its hash covers it, with its position. */
export const storedTextOf = (event: RecordedEvent): StoredEventText => ({
  position: event.position,
  ...streamTextOf(event, event.streamId, event.revision, event.recordedAt),
});

/** Chains the events of one append onto the head of their stream, in order, all recorded at one time. */
export function chainEvents(head: StreamHead, streamId: string, events: readonly NewEvent[], recordedAt: string): ChainedNewEvent[] {
  let previousHash = head.hash;
  return events.map((event, i) => {
    const revision = head.revision + 1 + i;
    const hash = streamEventHash(previousHash, streamTextOf(event, streamId, revision, recordedAt));
    const stamp = { recordedAt, previousHash, hash };
    previousHash = hash;
    return { event, revision, stamp };
  });
}

/** The hash of a stored event: the one it carries, or, written before the chain, the one its content gives. */
export const hashOfRecord = (record: ChainedRecord, previous: StreamHead): string => record.link?.hash ?? streamEventHash(previous.hash, record);

/**
 * The head of a stream read whole, in revision order. Needed only when its last event was written before the ledger
 * chained events: the chain then starts over the hashes its earlier events' content gives.
 */
export function headOfStream(records: Iterable<ChainedRecord>): StreamHead {
  let head = EMPTY_STREAM;
  for (const record of records) head = { revision: record.revision, hash: hashOfRecord(record, head), recordedAt: record.recordedAt };
  return head;
}
