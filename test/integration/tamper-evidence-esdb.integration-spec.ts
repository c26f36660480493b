import { randomUUID } from 'node:crypto';
import { ANY, EventStoreDBClient, jsonEvent, type ResolvedEvent } from '@eventstore/db-client';
import { EsdbEventStore } from '../../src/core/event-store/esdb-event-store';
import { GENESIS_HASH } from '../../src/core/ledger-hash/event-hash';
import { checkProof } from '../../src/core/ledger-hash/proofs';
import { DIGEST_RECORDED, DIGEST_STREAM, LedgerProofs } from '../../src/ledger/ledger-proofs.service';
import { describeEventStoreDb, openTestEventStoreDb } from '../support/esdb';
import { anEvent } from '../support/event-factory';

/**
 * Tamper evidence on a live EventStoreDB. What can be done to its log through the server's own API is done here with
 * the client directly, as someone holding the server's credentials but not going through the ledger would: write
 * events around the ledger, delete a stream and write it again. Changes to the stored bytes themselves are covered
 * by the unit tests of the stream chain (src/core/ledger-hash), which walk the same records this adapter reads.
 */
describeEventStoreDb('tamper evidence on EventStoreDB', () => {
  let namespace: string;
  let store: EsdbEventStore;
  let raw: EventStoreDBClient;
  let proofs: LedgerProofs;

  beforeEach(async () => {
    namespace = `tamper${randomUUID().slice(0, 8)}.`;
    store = await openTestEventStoreDb({ namespace });
    raw = EventStoreDBClient.connectionString(process.env.EVENTSTORE_CONNECTION_STRING!);
    proofs = new LedgerProofs(store);
  });
  afterEach(async () => {
    await store?.close();
    await raw?.dispose();
  });

  /** Twelve events in three streams, appended as the ledger appends. */
  const seed = async () => {
    for (let i = 0; i < 6; i++) await store.appendToStream({ streamId: `procedure-${i % 3}`, expectedRevision: 'any', events: [anEvent(i), anEvent(`${i}b`)] });
  };
  const rawStream = async (streamId: string): Promise<ResolvedEvent[]> => {
    const events: ResolvedEvent[] = [];
    for await (const event of raw.readStream(namespace + streamId)) events.push(event);
    return events;
  };
  /** Metadata as the ledger wrote it before it chained events, or as a writer around it would. */
  const ledgerMetadata = (event = anEvent('around')) => ({
    ledger: event.metadata,
    schemaVersion: 1,
    appendAttempt: randomUUID(),
    $correlationId: event.metadata.correlationId,
  });

  it('chains each stream, keeps the chain from readers, never forks under concurrent writers, and proves events', async () => {
    await seed();
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.appendToStream({ streamId: 'procedure-0', expectedRevision: 'any', events: [anEvent(`c${i}`)] })));
    expect(await store.integrity.verify()).toEqual({ ok: true, checked: 22, lastPosition: await store.headPosition() });

    const [rawFirst] = await rawStream('procedure-0');
    const stamp = (rawFirst.event!.metadata as { chain: { recordedAt: string; previousHash: string; hash: string } }).chain;
    expect(stamp).toMatchObject({ previousHash: GENESIS_HASH, hash: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const [first] = await store.readStream('procedure-0');
    expect(first.metadata).not.toHaveProperty('chain');
    expect(first.recordedAt).toBe(stamp.recordedAt);

    await store.appendToStream({ streamId: DIGEST_STREAM, expectedRevision: 'any', events: [anEvent('digest', { type: DIGEST_RECORDED, data: await proofs.digest() })] });
    const digest = await proofs.digest();
    expect(digest.size).toBe(23);
    expect(await proofs.verify()).toMatchObject({ ok: true, checked: 23, digestsChecked: 1 });
    const proof = await proofs.inclusion(first.id);
    expect(proof).toMatchObject({ chain: 'stream', index: 0, previousHash: GENESIS_HASH });
    expect(checkProof(proof, digest.root)).toMatchObject({ valid: true });
  });

  it('names an event written around the ledger, with a hash that does not match or none, at its position', async () => {
    await seed();
    const last = (await rawStream('procedure-1')).at(-1)!.event!;
    const previousHash = (last.metadata as { chain: { hash: string } }).chain.hash;
    const forged = anEvent('around the ledger');
    await raw.appendToStream(namespace + 'procedure-1', jsonEvent({
      id: forged.id,
      type: forged.type,
      data: forged.data as Record<string, unknown>,
      metadata: { ...ledgerMetadata(forged), chain: { recordedAt: new Date().toISOString(), previousHash, hash: 'f'.repeat(64) } },
    }), { expectedRevision: ANY });
    const position = (await store.readAll()).at(-1)!.position;
    expect(await store.integrity.verify()).toMatchObject({ ok: false, checked: 12, firstBadPosition: position, failure: 'content' });

    const bare = anEvent('no hash at all');
    await raw.appendToStream(namespace + 'procedure-2', jsonEvent({ id: bare.id, type: bare.type, data: bare.data as Record<string, unknown>, metadata: ledgerMetadata(bare) }), { expectedRevision: ANY });
    expect((await store.integrity.verify()).firstBadPosition).toBe(position);
  });

  it('names a stream deleted and written again, though what was written chains on what the deletion hid', async () => {
    await seed();
    const hidden = (await rawStream('procedure-2')).at(-1)!.event!;
    await raw.deleteStream(namespace + 'procedure-2');
    const forged = anEvent('forged after the deletion');
    await raw.appendToStream(namespace + 'procedure-2', jsonEvent({
      id: forged.id,
      type: forged.type,
      data: forged.data as Record<string, unknown>,
      metadata: { ...ledgerMetadata(forged), chain: { recordedAt: new Date().toISOString(), previousHash: (hidden.metadata as { chain: { hash: string } }).chain.hash, hash: '0'.repeat(64) } },
    }), { expectedRevision: ANY });
    // Readers of the stream now see only what was written after the deletion…
    expect((await store.readStream('procedure-2')).map((e) => e.id)).toEqual([forged.id]);
    // …and verification names the deletion, after every event written before it.
    const report = await store.integrity.verify();
    expect(report).toMatchObject({ ok: false, checked: 12, failure: 'chain', problem: expect.stringContaining('truncated or deleted') });
    expect(report.firstBadPosition).toBeGreaterThan(report.lastPosition);
  });

  it('continues the chain of a stream written before the ledger chained events, and counts those events', async () => {
    for (let i = 0; i < 3; i++) {
      const event = anEvent(`before ${i}`);
      await raw.appendToStream(namespace + 'procedure-old', jsonEvent({ id: event.id, type: event.type, data: event.data as Record<string, unknown>, metadata: ledgerMetadata(event) }), { expectedRevision: ANY });
    }
    await store.appendToStream({ streamId: 'procedure-old', expectedRevision: 2, events: [anEvent('after')] });
    await seed();
    expect(await store.integrity.verify()).toMatchObject({ ok: true, checked: 16, unchained: 3 });
    const [old] = await store.readStream('procedure-old');
    expect(checkProof(await proofs.inclusion(old.id), (await proofs.digest()).root)).toMatchObject({ valid: true });
  });
});
