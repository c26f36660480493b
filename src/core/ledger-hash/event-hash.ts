import { hash } from 'node:crypto';

/** The stored form of an event, byte for byte as the store keeps it: what its hash covers. */
export interface StoredEventText {
  readonly position: number;
  readonly eventId: string;
  readonly streamId: string;
  readonly revision: number;
  readonly type: string;
  readonly schemaVersion: number;
  /** JSON text as stored. */
  readonly data: string;
  /** JSON text as stored. */
  readonly metadata: string;
  readonly recordedAt: string;
}

/** An event's content without its global position, which a backend like EventStoreDB assigns only after it stored the event. */
export type StreamEventText = Omit<StoredEventText, 'position'>;

/** Hash before the first event: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** Reused for every hash: appends hash every event they write, and a buffer per field was a tenth of their time. */
let scratch = Buffer.allocUnsafe(64 * 1024);

/**
 * SHA-256 over fields each prefixed by its byte length (4 bytes, big-endian), so that no two different lists of
 * fields can be written as the same bytes. The fields are laid out in one buffer and hashed in one call.
 */
export function fieldsHash(fields: readonly string[]): string {
  // UTF-8 takes at most 3 bytes per UTF-16 code unit.
  const bound = fields.reduce((size, field) => size + 4 + 3 * field.length, 0);
  if (bound > scratch.length) scratch = Buffer.allocUnsafe(bound);
  let offset = 0;
  for (const field of fields) {
    const length = scratch.write(field, offset + 4, 'utf8');
    scratch.writeUInt32BE(length, offset);
    offset += 4 + length;
  }
  return hash('sha256', scratch.subarray(0, offset), 'hex');
}

const contentFields = (event: StreamEventText): string[] => [
  event.eventId,
  event.streamId,
  String(event.revision),
  event.type,
  String(event.schemaVersion),
  event.data,
  event.metadata,
  event.recordedAt,
];

/**
 * The log chain (SQLite): SHA-256 over the previous event's hash in the log and every stored field of this one.
 * Changing any byte of an event, its place in the log, or any event before it changes this hash.
 */
export function eventHash(previousHash: string, event: StoredEventText): string {
  return eventHashAt(previousHash, event.position, event);
}

/** `eventHash` of an event's content placed at `position`: what an append computes before the event has a row. */
export function eventHashAt(previousHash: string, position: number, event: StreamEventText): string {
  return fieldsHash([previousHash, String(position), ...contentFields(event)]);
}

/**
 * The stream chain (EventStoreDB): the same fields but the global position, which the server assigns after the hash
 * is stored, over the hash of the event before it in its own stream. A tag keeps the two chains' hashes apart, so a
 * hash of one can never stand for the other. The order across streams is covered by the digests instead.
 */
export function streamEventHash(previousInStream: string, event: StreamEventText): string {
  return fieldsHash(['stream-chain/1', previousInStream, ...contentFields(event)]);
}
