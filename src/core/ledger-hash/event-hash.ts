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

/** Hash before the first event: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * SHA-256 over the previous event's hash and every stored field of this one, each prefixed by its byte length so
 * that no two different events can be written as the same bytes. Changing any byte of an event, its place in the
 * log, or any event before it changes this hash.
 */
export function eventHash(previousHash: string, event: StoredEventText): string {
  const hash = createHash('sha256');
  const fields = [
    previousHash,
    String(event.position),
    event.eventId,
    event.streamId,
    String(event.revision),
    event.type,
    String(event.schemaVersion),
    event.data,
    event.metadata,
    event.recordedAt,
  ];
  for (const field of fields) {
    const bytes = Buffer.from(field, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    hash.update(length).update(bytes);
  }
  return hash.digest('hex');
}
