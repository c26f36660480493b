import { createHash } from 'node:crypto';

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

/**
 * SHA-256 over fields each prefixed by its byte length, so that no two different lists of fields can be written as
 * the same bytes.
 */
function fieldsHash(fields: readonly string[]): string {
  const hash = createHash('sha256');
  for (const field of fields) {
    const bytes = Buffer.from(field, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    hash.update(length).update(bytes);
  }
  return hash.digest('hex');
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
  return fieldsHash([previousHash, String(event.position), ...contentFields(event)]);
}

/**
 * The stream chain (EventStoreDB): the same fields but the global position, which the server assigns after the hash
 * is stored, over the hash of the event before it in its own stream. A tag keeps the two chains' hashes apart, so a
 * hash of one can never stand for the other. The order across streams is covered by the digests instead.
 */
export function streamEventHash(previousInStream: string, event: StreamEventText): string {
  return fieldsHash(['stream-chain/1', previousInStream, ...contentFields(event)]);
}
