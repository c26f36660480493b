import { decision, decisionRef, newItem, opening } from '../support/fixtures';
import { eventStoreConnection, STORAGE_FAULTS, StorageFault } from '../support/storage-faults';
import { startTestApp, TestApp } from '../support/test-app';

/** Writes sent while the disk refuses them, before one is refused; bounds the search for the first refusal. */
const MAX_WRITES_UNTIL_REFUSED = 50;

const bigDecision = (n: number) =>
  decision(Array.from({ length: 40 }, (_, i) => newItem(`9.${n}.${i}`, { name: `Thủ tục số ${n}.${i} — lĩnh vực Đất đai` })), { decision: decisionRef(`${n + 100}/QĐ-UBND`) });

describe.each(STORAGE_FAULTS.map((fault) => [fault.name, fault] as const))('when the event store disk %s', (_name, fault: StorageFault) => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp('sqlite', { LEDGER_WRITES_PER_MINUTE: '1000000' })));
  afterEach(() => t.close());
  const eventCount = async () => (await t.store.stats()).eventCount;

  it('answers writes 503 naming the problem, keeps serving reads, loses nothing acknowledged, and writes again once the fault is gone', async () => {
    expect((await t.request('POST', '/catalogue/opening-entries', opening(['1.000046', '1.000047']))).status).toBe(201);
    expect((await t.request('POST', '/procedures/1.000046/cuts', { fromDays: 15, toDays: 12, decision: decisionRef('77/QĐ-UBND', '2022-07-01') })).status).toBe(201);
    let acknowledged = await eventCount();
    const db = eventStoreConnection(t.store);
    fault.apply(db);

    // A full disk may still take a write that fits the pages it has: write until one is refused.
    let refused: { n: number; status: number; body: { code: string; message: string }; headers: Record<string, unknown> } | undefined;
    for (let n = 0; n < MAX_WRITES_UNTIL_REFUSED && !refused; n++) {
      const response = await t.request('POST', '/decisions', bigDecision(n), { 'Idempotency-Key': `qd-${n}` });
      expect([n, response.status]).toEqual([n, response.status === 201 ? 201 : 503]);
      if (response.status === 201) acknowledged += 41;
      else refused = { n, ...response };
    }
    expect(refused).toBeDefined();
    expect(refused!.body).toMatchObject({ code: 'STORE.UNAVAILABLE', message: expect.stringContaining(fault.code) });
    expect(Number(refused!.headers['retry-after'])).toBeGreaterThan(0);
    const cut = await t.request('POST', '/procedures/1.000047/cuts', { fromDays: 15, toDays: 10, decision: decisionRef('78/QĐ-UBND', '2022-07-01') });
    expect([201, 503]).toContain(cut.status);
    if (cut.status === 201) acknowledged += 1;

    // Reads go on, and the log holds exactly what was acknowledged, whole and verifiable.
    expect(await eventCount()).toBe(acknowledged);
    expect((await t.request('GET', '/procedures/1.000046')).body).toMatchObject({ announcedDays: 12, revision: 1 });
    expect((await t.request('GET', '/procedures/1.000046/history')).status).toBe(200);
    expect((await t.request('GET', '/procedures?level=province')).status).toBe(200);
    expect((await t.request('GET', '/audit?limit=5')).status).toBe(200);
    expect((await t.request('GET', '/health', undefined, { Authorization: 'none' })).status).toBe(200);
    expect((await t.request('GET', '/ledger/verify')).body).toMatchObject({ ok: true, checked: acknowledged });

    fault.remove(db);
    // The client retries what was refused, with the same key: it is written now, once.
    const retried = await t.request('POST', '/decisions', bigDecision(refused!.n), { 'Idempotency-Key': `qd-${refused!.n}` });
    expect(retried).toMatchObject({ status: 201, body: { replayed: false, status: 'applied' } });
    expect(await eventCount()).toBe(acknowledged + 41);
    expect((await t.request('GET', '/ledger/verify')).body).toMatchObject({ ok: true, checked: acknowledged + 41 });
    expect((await t.request('GET', `/procedures/9.${refused!.n}.39`)).status).toBe(200);
  });
});
