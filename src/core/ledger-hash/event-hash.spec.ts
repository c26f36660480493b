import { createHash } from 'node:crypto';
import { eventHash, fieldsHash, GENESIS_HASH, StoredEventText } from './event-hash';

/** The chain's byte format written out plainly, field by field: what every stored hash was computed with. */
function referenceHash(fields: readonly string[]): string {
  const hash = createHash('sha256');
  for (const field of fields) {
    const bytes = Buffer.from(field, 'utf8');
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    hash.update(length).update(bytes);
  }
  return hash.digest('hex');
}

const event: StoredEventText = {
  position: 1,
  eventId: '01890a5d-ac96-774b-bcce-b302099a8057',
  streamId: 'procedure-1.000046',
  revision: 0,
  type: 'ProcessingTimeCut',
  schemaVersion: 1,
  data: '{"code":"1.000046","fromDays":15,"toDays":12.5}',
  metadata: '{"actor":"Sở Nội vụ","effectiveDate":"2022-07-01"}',
  recordedAt: '2022-07-01T08:00:00.000Z',
};

describe('event hashes', () => {
  it.each([
    ['plain and empty fields', ['a', '', 'bc']],
    ['Vietnamese text', ['Quyết định 77/QĐ-UBND cắt giảm thời gian giải quyết', 'Sở Tài nguyên và Môi trường']],
    ['characters outside the basic plane, and a lone surrogate', ['🏛️ 𠀀', 'x\uD800y']],
    ['a field larger than the reused buffer', ['ư'.repeat(40_000), 'tail']],
  ])('hash %s exactly as the stored chains were hashed', (_label, fields) => {
    expect(fieldsHash(fields)).toBe(referenceHash(fields));
  });

  it('keep apart lists of fields that concatenate alike', () => {
    expect(fieldsHash(['ab', 'c'])).not.toBe(fieldsHash(['a', 'bc']));
  });

  it('chain an event over the one before it, every stored field counted', () => {
    const first = eventHash(GENESIS_HASH, event);
    expect(first).toBe(referenceHash([GENESIS_HASH, '1', event.eventId, event.streamId, '0', event.type, '1', event.data, event.metadata, event.recordedAt]));
    expect(eventHash(first, { ...event, position: 2, revision: 1 })).not.toBe(eventHash(GENESIS_HASH, { ...event, position: 2, revision: 1 }));
  });
});
