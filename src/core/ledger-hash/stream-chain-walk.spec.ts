import { mulberry32 } from '../../synthetic/mulberry32';
import { rechain, streamChainedLog } from '../../../test/support/stream-chain-log';
import { anEvent } from '../../../test/support/event-factory';
import { streamEventHash } from './event-hash';
import { ChainedRecord, chainEvents, EMPTY_STREAM, headOfStream, StreamHidden } from './stream-chain';
import { verifyStreamChains } from './stream-chain-walk';

const EVENTS = 400;
const log = streamChainedLog(EVENTS);
const flipOneByte = (text: string, random: () => number) => {
  const at = Math.floor(random() * text.length);
  return text.slice(0, at) + String.fromCharCode(text.charCodeAt(at) ^ 1) + text.slice(at + 1);
};
const replaced = (records: readonly ChainedRecord[], index: number, record: ChainedRecord) => records.map((r, i) => (i === index ? record : r));
/** Index of a middle event of a stream, with events of the same stream before and after it. */
const middleOfStream = (records: readonly ChainedRecord[]) => records.findIndex((r, i) => r.revision > 0 && records.slice(i + 1).some((later) => later.streamId === r.streamId));

describe('per-stream hash chains, walked in log order', () => {
  it('verifies an untouched log, naming its last position', async () => {
    expect(await verifyStreamChains(log)).toEqual({ ok: true, checked: EVENTS, lastPosition: log.at(-1)!.position });
  });

  it('finds a change to any single byte of any field at the event changed, and says what failed', async () => {
    // Seeded, so a failure can be replayed.
    const random = mulberry32(11);
    const fields = ['eventId', 'streamId', 'type', 'data', 'metadata', 'recordedAt', 'hash', 'previousHash'] as const;
    const expected: Record<string, string[]> = {
      eventId: ['content'],
      type: ['content'],
      data: ['content'],
      metadata: ['content'],
      hash: ['content'],
      previousHash: ['chain'],
      // Another stream, or a time before its predecessor's, is also a place the event does not belong.
      streamId: ['content', 'order', 'chain'],
      recordedAt: ['content', 'order'],
    };
    for (let trial = 0; trial < 80; trial++) {
      const index = trial === 0 ? 0 : trial === 1 ? EVENTS - 1 : Math.floor(random() * EVENTS);
      const field = fields[trial % fields.length];
      const record = log[index];
      const tampered =
        field === 'hash' || field === 'previousHash'
          ? { ...record, link: { ...record.link!, [field]: flipOneByte(record.link![field], random) } }
          : { ...record, [field]: flipOneByte(record[field], random) };
      const report = await verifyStreamChains(replaced(log, index, tampered));
      expect({ field, index, at: report.firstBadPosition, ok: report.ok }).toEqual({ field, index, at: record.position, ok: false });
      expect(expected[field]).toContain(report.failure);
      expect(report).toMatchObject({ checked: index, lastPosition: index === 0 ? 0 : log[index - 1].position });
    }
  });

  it('finds a changed revision or schema version, numbers the hash covers', async () => {
    const index = middleOfStream(log);
    const revised = await verifyStreamChains(replaced(log, index, { ...log[index], revision: log[index].revision + 1 }));
    expect(revised).toMatchObject({ ok: false, firstBadPosition: log[index].position, failure: 'order' });
    const schema = await verifyStreamChains(replaced(log, index, { ...log[index], schemaVersion: 2 }));
    expect(schema).toMatchObject({ ok: false, firstBadPosition: log[index].position, failure: 'content' });
  });

  it('finds an event deleted from the middle of its stream at the next event of that stream', async () => {
    const index = middleOfStream(log);
    const next = log.findIndex((r, i) => i > index && r.streamId === log[index].streamId);
    const report = await verifyStreamChains(log.filter((_, i) => i !== index));
    expect(report).toMatchObject({ ok: false, firstBadPosition: log[next].position, failure: 'order', problem: expect.stringContaining('missing') });
  });

  it('finds two swapped events of one stream at the first of the two places', async () => {
    const first = middleOfStream(log);
    const second = log.findIndex((r, i) => i > first && r.streamId === log[first].streamId);
    const swapped = log.map((r, i) => (i === first ? { ...log[second], position: r.position } : i === second ? { ...log[first], position: r.position } : r));
    expect(await verifyStreamChains(swapped)).toMatchObject({ ok: false, firstBadPosition: log[first].position, failure: 'order' });
    // The same two contents swapped under the revisions the server gave their places.
    const contents = log.map((r, i) => (i === first ? { ...log[second], position: r.position, revision: r.revision } : i === second ? { ...log[first], position: r.position, revision: r.revision } : r));
    expect(await verifyStreamChains(contents)).toMatchObject({ ok: false, firstBadPosition: log[first].position, failure: 'chain' });
  });

  it('finds a forked chain: two appends chained on the same last event, both stored', async () => {
    // What appends with `any` could do; `appendChained` writes at the exact revision instead (see chained-append.ts).
    const head = EMPTY_STREAM;
    const [winner] = chainEvents(head, 's', [anEvent('first')], '2024-01-01T00:00:00.000Z');
    const [loser] = chainEvents(head, 's', [anEvent('second')], '2024-01-01T00:00:00.000Z');
    const record = (c: typeof winner, position: number, revision: number): ChainedRecord => ({
      position,
      eventId: c.event.id,
      streamId: 's',
      revision,
      type: c.event.type,
      schemaVersion: 1,
      data: JSON.stringify(c.event.data),
      metadata: JSON.stringify(c.event.metadata),
      recordedAt: c.stamp.recordedAt,
      link: c.stamp,
    });
    const report = await verifyStreamChains([record(winner, 2, 0), record(loser, 4, 1)]);
    expect(report).toMatchObject({ ok: false, firstBadPosition: 4, failure: 'chain', checked: 1, lastPosition: 2 });
  });

  it('finds a recorded time going back within a stream, even under a hash that matches', async () => {
    const index = middleOfStream(log);
    const previous = log.slice(0, index).reverse().find((r) => r.streamId === log[index].streamId)!;
    const early = { ...log[index], recordedAt: '2023-12-31T00:00:00.000Z' };
    const rehashed = { ...early, link: { previousHash: previous.link!.hash, hash: streamEventHash(previous.link!.hash, early) } };
    expect(await verifyStreamChains(replaced(log, index, rehashed))).toMatchObject({ ok: false, firstBadPosition: log[index].position, failure: 'order' });
  });

  it('does not see a forger who rewrites a stream and hashes it again: that is what recorded digests are for', async () => {
    const index = middleOfStream(log);
    const forged = rechain(replaced(log, index, { ...log[index], data: JSON.stringify({ marker: 'forged' }) }), log[index].streamId);
    expect(forged[index].link!.hash).not.toBe(log[index].link!.hash);
    expect(await verifyStreamChains(forged)).toMatchObject({ ok: true, checked: EVENTS });
  });

  it('reports a change that hides events of a stream from its readers', async () => {
    const hidden: StreamHidden = { position: log[200].position + 1, streamId: log[3].streamId, hides: 'was truncated or deleted (its metadata set $tb)' };
    const report = await verifyStreamChains([...log.slice(0, 201), hidden, ...log.slice(201)]);
    expect(report).toMatchObject({ ok: false, firstBadPosition: hidden.position, failure: 'chain', checked: 201, problem: expect.stringContaining('$tb') });
  });

  describe('events written before the chain', () => {
    const unchained = (records: readonly ChainedRecord[]) => records.map(({ link, ...record }) => (void link, record));
    const legacy = unchained(streamChainedLog(30, { seed: 3 }));
    /** What an append after the upgrade does: chain on the hash the stream's content gives. */
    const continued = (streamId: string, position: number): ChainedRecord => {
      const head = headOfStream(legacy.filter((r) => r.streamId === streamId));
      const [{ event, revision, stamp }] = chainEvents(head, streamId, [anEvent('after the upgrade')], '2025-01-01T00:00:00.000Z');
      return { position, eventId: event.id, streamId, revision, type: event.type, schemaVersion: 1, data: JSON.stringify(event.data), metadata: JSON.stringify(event.metadata), recordedAt: stamp.recordedAt, link: stamp };
    };

    it('accepts them at the start of the log, counted, and chains later events on the hashes their content gives', async () => {
      const next = continued(legacy[0].streamId, legacy.at(-1)!.position + 2);
      expect(await verifyStreamChains([...legacy, next])).toEqual({ ok: true, checked: 31, lastPosition: next.position, unchained: 30 });
    });

    it('so a change to one of them breaks the chain of the event after it', async () => {
      const next = continued(legacy[0].streamId, legacy.at(-1)!.position + 2);
      const last = legacy.map((r) => r.streamId).lastIndexOf(legacy[0].streamId);
      const changed = replaced(legacy, last, { ...legacy[last], data: JSON.stringify({ marker: 'changed' }) });
      expect(await verifyStreamChains([...changed, next])).toMatchObject({ ok: false, firstBadPosition: next.position, failure: 'chain' });
    });

    it('refuses an event without a hash once the chain has started: one written around the ledger, or stripped', async () => {
      const stripped = unchained([log[250]])[0];
      expect(await verifyStreamChains(replaced(log, 250, stripped))).toMatchObject({
        ok: false,
        firstBadPosition: log[250].position,
        failure: 'content',
        problem: expect.stringContaining('carries no hash'),
      });
    });
  });
});
