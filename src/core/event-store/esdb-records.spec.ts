import { anEvent } from '../../../test/support/event-factory';
import { NewEvent } from '../event-envelope';
import { ChainedRecord, chainEvents, EMPTY_STREAM, StreamHead } from '../ledger-hash/stream-chain';
import { verifyStreamChains } from '../ledger-hash/stream-chain-walk';
import { EsdbEventRecord, esdbMetadataOf, hidingChangeOf, toChainedRecord, toStoredEvent } from './esdb-records';

/** An event as the adapter hands it to the client. */
interface Sent {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

const NS = 'ledger7.';

/**
 * What the server hands back for an event the client appended: the client sends `JSON.stringify` of data and of
 * metadata as bytes (its streams/appendToStream/append.js) and parses them when it reads (utils/convertGrpcEvent.js).
 */
function storedAndRead(sent: Sent, streamId: string, revision: number, commit: number, isJson = true): EsdbEventRecord {
  const bytes = (value: unknown) => Buffer.from(JSON.stringify(value), 'utf8');
  return {
    streamId,
    id: sent.id,
    revision: BigInt(revision),
    type: sent.type,
    data: isJson ? JSON.parse(bytes(sent.data).toString('utf8')) : bytes(sent.data),
    metadata: JSON.parse(bytes(sent.metadata).toString('utf8')),
    isJson,
    created: new Date(Date.UTC(2030, 0, 1)),
    position: { commit: BigInt(commit), prepare: BigInt(commit) },
  } as EsdbEventRecord;
}

/** Appends events the way the adapter does, one per append, and reads them back as the verification walk does. */
function writeAndReadBack(events: ReadonlyArray<{ streamId: string; event: NewEvent }>): { sent: Sent[]; read: EsdbEventRecord[] } {
  const heads = new Map<string, StreamHead>();
  const sent: Sent[] = [];
  const read = events.map(({ streamId, event }, i) => {
    const [chained] = chainEvents(heads.get(streamId) ?? EMPTY_STREAM, streamId, [event], new Date(Date.UTC(2024, 5, 1, 0, 0, i)).toISOString());
    heads.set(streamId, { revision: chained.revision, hash: chained.stamp.hash, recordedAt: chained.stamp.recordedAt });
    const data = { id: event.id, type: event.type, data: event.data, metadata: esdbMetadataOf(chained, 'attempt-1') };
    sent.push(data);
    return storedAndRead(data, NS + streamId, chained.revision, 1000 + 137 * i);
  });
  return { sent, read };
}

const awkward = anEvent('x', {
  data: { code: '1.000046', name: 'Cấp giấy phép xây dựng – sửa đổi', days: 27843.5, zero: -0, big: 1e21, list: [0.1, '2.001234', null], lone: '\ud800', emoji: '🏛️', '1': 'integer key' },
  metadata: { actor: 'văn-phòng', effectiveDate: '2022-06-18', correlationId: 'c-1', decision: { number: '999-QĐ/TU', date: '2019-05-02', issuer: 'Tỉnh ủy Bình Phước' } },
});

describe('the EventStoreDB hash chain through what the client writes and reads back', () => {
  const { sent, read } = writeAndReadBack([
    { streamId: 'procedure-1.000046', event: awkward },
    { streamId: 'procedure-1.000047', event: anEvent(1) },
    { streamId: 'procedure-1.000046', event: anEvent(2) },
  ]);
  const records = () => read.map((event) => toChainedRecord(event, NS));

  it('reads back every event as its hash covers it: Vietnamese text, half days, odd numbers and characters', async () => {
    expect(await verifyStreamChains(records())).toEqual({ ok: true, checked: 3, lastPosition: 2 * (1000 + 137 * 2) });
    expect(records()[0]).toMatchObject({ streamId: 'procedure-1.000046', revision: 0, metadata: JSON.stringify(awkward.metadata), recordedAt: '2024-06-01T00:00:00.000Z' });
  });

  it('keeps the chain under its own metadata key, beside the ledger\'s metadata and the server\'s correlation ids, and from readers', () => {
    expect(sent[2].metadata).toEqual({
      ledger: expect.objectContaining({ actor: 'tester' }),
      schemaVersion: 1,
      appendAttempt: 'attempt-1',
      chain: { recordedAt: '2024-06-01T00:00:02.000Z', previousHash: (sent[0].metadata as { chain: { hash: string } }).chain.hash, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      $correlationId: expect.any(String),
    });
    const { event } = toStoredEvent(read[2], NS);
    expect(event).toMatchObject({ streamId: 'procedure-1.000046', revision: 1, position: 2 * (1000 + 137 * 2), recordedAt: '2024-06-01T00:00:02.000Z' });
    expect(event.metadata).toEqual(JSON.parse(JSON.stringify(sent[2].metadata)).ledger);
  });

  it('finds a value changed in the stored data or metadata, or a chain key removed', async () => {
    const changed = (at: number, change: (event: EsdbEventRecord) => EsdbEventRecord) => read.map((e, i) => toChainedRecord(i === at ? change(e) : e, NS));
    const data = changed(2, (e) => ({ ...e, data: { ...(e.data as object), marker: 3 } }) as EsdbEventRecord);
    expect(await verifyStreamChains(data)).toMatchObject({ ok: false, firstBadPosition: 2 * (1000 + 137 * 2), failure: 'content' });
    const actor = changed(0, (e) => ({ ...e, metadata: { ...(e.metadata as object), ledger: { ...awkward.metadata, actor: 'someone else' } } }) as EsdbEventRecord);
    expect(await verifyStreamChains(actor)).toMatchObject({ ok: false, firstBadPosition: 2000, failure: 'content' });
    const stripped = changed(2, (e) => ({ ...e, metadata: { ...(e.metadata as object), chain: undefined } }) as EsdbEventRecord);
    expect(await verifyStreamChains(stripped)).toMatchObject({ ok: false, failure: 'content', problem: expect.stringContaining('carries no hash') });
  });

  it('walks an event of a ledger stream that is not JSON as one that cannot match its hash', async () => {
    const binary: ChainedRecord[] = read.map((e, i) => toChainedRecord(i === 1 ? storedAndRead(sent[1], e.streamId, 0, 1137, false) : e, NS));
    expect(binary[1].data).toMatch(/^binary:/);
    expect(await verifyStreamChains(binary)).toMatchObject({ ok: false, firstBadPosition: 2274, failure: 'content' });
  });

  it('reports stream metadata that truncates a ledger stream, and a tombstone; not an ACL, nor another namespace', () => {
    const metadataEvent = (streamId: string, data: Record<string, unknown>) =>
      ({ streamId, id: 'm', revision: 0n, type: '$metadata', data, metadata: undefined, isJson: true, created: new Date(), position: { commit: 5000n, prepare: 5000n } }) as EsdbEventRecord;
    expect(hidingChangeOf(metadataEvent(`$$${NS}procedure-1`, { $tb: 4 }), NS)).toEqual({ position: 10_000, streamId: 'procedure-1', hides: 'was truncated or deleted (its metadata set $tb)' });
    expect(hidingChangeOf(metadataEvent(`$$${NS}procedure-1`, { $maxCount: 1, $maxAge: 60 }), NS)?.hides).toContain('$maxCount, $maxAge');
    expect(hidingChangeOf(metadataEvent(`$$${NS}procedure-1`, { $acl: { $r: 'ops' } }), NS)).toBeUndefined();
    expect(hidingChangeOf(metadataEvent('$$other.procedure-1', { $tb: 4 }), NS)).toBeUndefined();
    expect(hidingChangeOf(metadataEvent('$$$settings', { $tb: 4 }), '')).toBeUndefined();
    const tombstone = { ...metadataEvent(`${NS}procedure-1`, {}), type: '$streamDeleted' } as EsdbEventRecord;
    expect(hidingChangeOf(tombstone, NS)).toMatchObject({ streamId: 'procedure-1', hides: expect.stringContaining('tombstoned') });
  });
});
