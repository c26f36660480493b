import { RecordedEvent } from '../../src/core/event-envelope';
import { checkProof } from '../../src/core/ledger-hash/proofs';
import { recordDecision } from '../support/decisions';
import { describeEventStoreDb } from '../support/esdb';
import { cut, decision, decisionRef, newItem, opening, procedure } from '../support/fixtures';
import { startTestApp, TestApp, TestBackend } from '../support/test-app';

/**
 * Verification, digests and proofs through the API on every backend that keeps a hash chain: SQLite (one chain over
 * the log), EventStoreDB (a chain per stream, digests over $all order) and memory standing in for EventStoreDB, so
 * the latter runs without a server. Positions are never counted with: on the last two they have gaps.
 */
const proofsOverHttp = (backend: TestBackend) => () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp(backend)));
  afterEach(() => t?.close());

  const inspector = () => ({ Authorization: `Bearer ${t.keyFor('thanh-tra-tinh', 'inspector')}` });
  /** Opening entries, a decision (applied by the saga where there are no multi-stream transactions) and a cut. */
  const someHistory = async (suffix = '') => {
    expect((await t.request('POST', '/catalogue/opening-entries', opening([`1.1${suffix}`, `1.2${suffix}`, `1.3${suffix}`]))).status).toBe(201);
    const response = await recordDecision(
      t,
      decision([{ kind: 'amended', code: `1.1${suffix}`, procedure: procedure({ announcedDays: 12 }) }, { kind: 'abolished', code: `1.2${suffix}` }, newItem(`2.1${suffix}`)], {
        decision: decisionRef(`7${suffix}/QĐ-UBND`, '2022-03-01'),
      }),
    );
    expect(response.status).toBe(201);
    expect((await t.request('POST', `/procedures/1.3${suffix}/cuts`, cut(15, 10))).status).toBe(201);
  };

  it('verifies the log, gives its digest and proves every event in it, checked with nothing but the proof and the root', async () => {
    await someHistory();
    const all: RecordedEvent[] = await t.store.readAll();
    expect(await t.request('GET', '/ledger/verify')).toMatchObject({
      status: 200,
      body: { ok: true, checked: all.length, lastPosition: all.at(-1)!.position, digestsChecked: 0 },
    });
    const digest = (await t.request('GET', '/ledger/digest')).body;
    expect(digest.size).toBe(all.length);
    for (const [index, event] of all.entries()) {
      const proof = (await t.request('GET', `/ledger/proof/${event.id}`)).body;
      expect(proof).toMatchObject({ kind: 'inclusion', chain: t.store.integrity!.chain, index, size: all.length, root: digest.root });
      expect(proof.event).toMatchObject({ eventId: event.id, position: event.position, streamId: event.streamId, revision: event.revision, recordedAt: event.recordedAt });
      expect(checkProof(proof, digest.root)).toMatchObject({ valid: true });
      expect(checkProof({ ...proof, event: { ...proof.event, data: proof.event.data.replace('}', ',"forged":true}') } }, digest.root).valid).toBe(false);
    }
  });

  it('proves an older digest is a prefix of the log as it is now', async () => {
    await someHistory();
    const older = (await t.request('GET', '/ledger/digest?size=3')).body;
    await someHistory('b');
    const consistency = (await t.request('GET', '/ledger/consistency?from=3')).body;
    expect(consistency.old).toEqual(older);
    expect(checkProof(consistency, older.root)).toMatchObject({ valid: true });
    const early = (await t.store.readAll())[1];
    const proof = (await t.request('GET', `/ledger/proof/${early.id}?size=3`)).body;
    expect(checkProof(proof, older.root)).toMatchObject({ valid: true });
  });

  it('records digests in the ledger itself and checks each of them on every verification', async () => {
    await someHistory();
    const before = (await t.store.stats()).eventCount;
    const first = await t.request('POST', '/ledger/digests', undefined, inspector());
    expect(first).toMatchObject({ status: 201, body: { size: before } });
    expect((await t.request('GET', `/ledger/digest?size=${before}`)).body.root).toBe(first.body.root);
    await someHistory('b');
    expect((await t.request('POST', '/ledger/digests', undefined, inspector())).status).toBe(201);
    const all = await t.store.readAll();
    expect((await t.request('GET', '/ledger/verify')).body).toEqual({ ok: true, checked: all.length, lastPosition: all.at(-1)!.position, digestsChecked: 2 });
    expect(all.find((e) => e.position === first.body.position)).toMatchObject({ type: 'LedgerDigestRecorded', data: { size: before, root: first.body.root } });
  });

  it('answers bad input with 4xx naming the field', async () => {
    await someHistory();
    const field = (body: { details?: Array<{ field: string }> }) => body.details?.map((d) => d.field);
    const zero = await t.request('GET', '/ledger/digest?size=0');
    expect([zero.status, field(zero.body)]).toEqual([400, ['size']]);
    const unknown = await t.request('GET', '/ledger/proof/01890a5d-ac96-774b-bcce-b302099a8057');
    expect([unknown.status, field(unknown.body)]).toEqual([404, ['eventId']]);
    const last = (await t.store.readAll()).at(-1)!;
    const after = await t.request('GET', `/ledger/proof/${last.id}?size=2`);
    expect([after.status, field(after.body)]).toEqual([422, ['size']]);
    const noFrom = await t.request('GET', '/ledger/consistency?from=x');
    expect([noFrom.status, field(noFrom.body)]).toEqual([400, ['from']]);
  });
};

describe('ledger proofs over HTTP on sqlite', proofsOverHttp('sqlite'));
describe('ledger proofs over HTTP on memory:esdb-like', proofsOverHttp('memory:esdb-like'));
describeEventStoreDb('ledger proofs over HTTP on esdb', proofsOverHttp('esdb'));

describe('a changed event on a stream-chained ledger, seen through HTTP', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp('memory:esdb-like')));
  afterEach(() => t?.close());

  it('is named by GET /ledger/verify, position and all, and its proof no longer checks', async () => {
    await t.request('POST', '/catalogue/opening-entries', opening(['1.1', '1.2']));
    await t.request('POST', '/procedures/1.1/cuts', cut(15, 10));
    const digest = (await t.request('GET', '/ledger/digest')).body;
    const [opened] = await t.store.readStream('procedure-1.1');
    // The memory store hands out the very objects it keeps: changing one changes the stored event.
    (opened.data as { announcedDays: number }).announcedDays = 1;
    expect((await t.request('GET', '/ledger/verify')).body).toMatchObject({
      ok: false,
      firstBadPosition: opened.position,
      failure: 'content',
      problem: expect.stringContaining('does not match its hash'),
      digestsChecked: 0,
    });
    const proof = (await t.request('GET', `/ledger/proof/${opened.id}`)).body;
    expect(checkProof(proof, digest.root)).toMatchObject({ valid: false, reason: 'the event content does not match its hash' });
  });
});
