import { storesPerTest } from '../../test/support/drawn-ledgers';
import { anEvent } from '../../test/support/event-factory';
import { RecordedTimeGoesBackError, UnavailableError } from '../core/errors/ledger-errors';
import { copyLedger, CopyRefusedError } from '../core/event-store/ledger-copy';
import { CliError } from './cli-io';
import { DIGEST_RECORDED, DIGEST_STREAM, LedgerProofs } from '../ledger/ledger-proofs.service';
import { asCliError, decisionsLeftApplying, unnamedDigestsAcrossChains } from './copy.command';

describe('decisions left applying by a copy', () => {
  const stores = storesPerTest('ledger-copy-applying-');

  it('are named when a server log is copied where decisions are written whole, until the source completes them', async () => {
    const server = stores.serverLike();
    const sqlite = stores.sqlite('ledger');
    const other = stores.sqlite('other');
    const streamId = 'decision-12/QĐ-UBND@2025-01-02';
    // Recorded ahead of its items, with the plan they are applied from (as on EventStoreDB).
    await server.appendToStream({ streamId, expectedRevision: 'no_stream', events: [anEvent(1, { type: 'DecisionRecorded', data: { plan: [] } })] });
    await copyLedger(server, sqlite);
    expect(await decisionsLeftApplying(server, sqlite)).toEqual([streamId]);
    // The other way, and between stores that write decisions whole, there is nothing to say.
    expect(await decisionsLeftApplying(sqlite, server)).toEqual([]);
    await copyLedger(sqlite, other);
    expect(await decisionsLeftApplying(sqlite, other)).toEqual([]);

    await server.appendToStream({ streamId, expectedRevision: 0, events: [anEvent(2, { type: 'DecisionApplied', data: { streams: 0, events: 0 } })] });
    await copyLedger(server, sqlite);
    expect(await decisionsLeftApplying(server, sqlite)).toEqual([]);
  });
});

describe('a copy that stops', () => {
  it('tells the operator whether running it again takes it up, and never with a stack', () => {
    const said = (error: unknown) => {
      const told = asCliError(error);
      expect(told).toBeInstanceOf(CliError);
      return (told as CliError).message;
    };
    expect(said(new CopyRefusedError('the destination holds more events'))).toBe('nothing copied: the destination holds more events');
    expect(said(new UnavailableError('the event store cannot be reached'))).toBe(
      'the copy stopped: the event store cannot be reached. What it wrote is kept, and the same command takes it up there',
    );
    expect(said(new RecordedTimeGoesBackError('procedure-1.1', '2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z'))).toMatch(
      /^the copy stopped: the events for procedure-1\.1 keep the recorded time .+\. What it wrote before is kept$/,
    );
    const unexpected = new Error('a bug');
    expect(asCliError(unexpected)).toBe(unexpected);
  });
});

describe('digests recorded before they named their chain, in a copy', () => {
  const stores = storesPerTest('ledger-copy-digests-');

  it('are counted when the copy keeps another chain, where they fail verification, and not where it keeps the same', async () => {
    const source = stores.sqlite('source');
    await source.appendToStream({ streamId: 'procedure-1.1', expectedRevision: 'no_stream', events: [anEvent(1), anEvent(2)] });
    const { size, root } = await new LedgerProofs(source).digest();
    for (const data of [{ size, root }, { size, root, chain: 'log' }]) {
      await source.appendToStream({ streamId: DIGEST_STREAM, expectedRevision: 'any', events: [anEvent(`digest ${data.root}`, { type: DIGEST_RECORDED, data })] });
    }
    const server = stores.serverLike();
    const sameChain = stores.sqlite('same-chain');
    await copyLedger(source, server);
    await copyLedger(source, sameChain);

    expect(await unnamedDigestsAcrossChains(source, server)).toBe(1);
    expect(await new LedgerProofs(server).verify()).toMatchObject({ ok: false, failure: 'digest', digestsOfAnotherChain: 1 });
    expect(await unnamedDigestsAcrossChains(source, sameChain)).toBe(0);
    expect(await new LedgerProofs(sameChain).verify()).toMatchObject({ ok: true, digestsChecked: 2 });
  });
});
