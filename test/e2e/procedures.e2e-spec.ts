import { cut, decision, decisionRef, newItem, opening, procedure } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

describe('procedures over HTTP', () => {
  let t: TestApp;
  const eventCount = async () => (await t.store.stats()).eventCount;

  beforeEach(async () => (t = await startTestApp('memory')));
  afterEach(() => t.close());

  describe('opening entries', () => {
    it('records the catalogue as it stood on a date, marked as opening entries with their source', async () => {
      const response = await t.request('POST', '/catalogue/opening-entries', opening(['1.000046', '2.001234']));
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ asOf: '2021-12-31', recorded: 2, firstPosition: 1, replayed: false });

      const state = (await t.request('GET', '/procedures/1.000046')).body;
      expect(state).toMatchObject({ code: '1.000046', origin: 'opening', openingSource: 'danh mục TTHC tại thời điểm mở sổ', since: '2021-12-31' });
      const [entry] = (await t.request('GET', '/procedures/1.000046/history')).body.events;
      expect(entry).toMatchObject({ type: 'ProcedureOpened', effectiveDate: '2021-12-31', source: 'danh mục TTHC tại thời điểm mở sổ' });
      expect(entry.decision).toBeUndefined();
    });

    it('refuses an opening entry for a procedure that already has history, writing none of the batch', async () => {
      await t.request('POST', '/decisions', decision([newItem('1.000046')]));
      const response = await t.request('POST', '/catalogue/opening-entries', opening(['1.000001', '1.000046']));
      expect(response.status).toBe(422);
      expect(response.body).toMatchObject({ code: 'PROCEDURE.ALREADY_RECORDED', details: [{ field: 'procedures[1].code' }] });
      expect(await eventCount()).toBe(2);
    });

    it('requires a source', async () => {
      const { source: _source, ...withoutSource } = opening(['1.000001']);
      const response = await t.request('POST', '/catalogue/opening-entries', withoutSource);
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual([expect.objectContaining({ field: 'source', rule: 'isDefined' })]);
    });
  });

  describe('processing-time cuts', () => {
    beforeEach(() => t.request('POST', '/catalogue/opening-entries', opening(['1.000046'])));

    it('records a cut under a decision, effective on a date, and the state shows the new days', async () => {
      const response = await t.request('POST', '/procedures/1.000046/cuts', cut(15, 10.5, { effectiveDate: '2022-07-15' }));
      expect(response.status).toBe(201);
      expect(response.body).toMatchObject({ code: '1.000046', fromDays: 15, toDays: 10.5, effectiveDate: '2022-07-15', revision: 1 });
      expect((await t.request('GET', '/procedures/1.000046')).body).toMatchObject({ announcedDays: 10.5, statutoryDays: 20, revision: 1 });
      const events = (await t.request('GET', '/procedures/1.000046/history')).body.events;
      expect(events[1]).toMatchObject({ type: 'ProcessingTimeCut', decision: decisionRef('77/QĐ-UBND', '2022-07-01'), effectiveDate: '2022-07-15' });
    });

    it('answers 404 for an unknown procedure, 422 for a cut that does not lower the days, 409 for a stale revision', async () => {
      const unknown = await t.request('POST', '/procedures/9.999999/cuts', cut(15, 10));
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('PROCEDURE.NOT_FOUND');

      const raise = await t.request('POST', '/procedures/1.000046/cuts', cut(15, 18));
      expect(raise.status).toBe(422);
      expect(raise.body).toMatchObject({ code: 'CUT.MUST_LOWER_DAYS', details: [{ field: 'toDays' }] });

      const stale = await t.request('POST', '/procedures/1.000046/cuts', cut(15, 10, { expectedRevision: 4 }));
      expect(stale.status).toBe(409);
      expect(await eventCount()).toBe(1);
    });

    it('cannot cut an abolished procedure', async () => {
      await t.request('POST', '/decisions', decision([{ kind: 'abolished', code: '1.000046' }]));
      const response = await t.request('POST', '/procedures/1.000046/cuts', cut(15, 10));
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('PROCEDURE.NOT_IN_FORCE');
    });

    it('lets exactly one of many concurrent cuts at the same revision win; the rest get 409', async () => {
      const responses = await Promise.all(
        Array.from({ length: 8 }, (_, i) => t.request('POST', '/procedures/1.000046/cuts', cut(15, 14 - i, { expectedRevision: 0 }))),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409, 409, 409]);
      const winner = responses.find((r) => r.status === 201)!.body;
      expect((await t.request('GET', '/procedures/1.000046')).body).toMatchObject({ announcedDays: winner.toDays, revision: 1 });
    });

    it('answers a retried cut with its first result even though the days have changed since', async () => {
      const first = await t.request('POST', '/procedures/1.000046/cuts', cut(15, 10), { 'Idempotency-Key': 'cut-1' });
      const retry = await t.request('POST', '/procedures/1.000046/cuts', cut(15, 10), { 'Idempotency-Key': 'cut-1' });
      expect(retry.status).toBe(201);
      expect(retry.body).toEqual({ ...first.body, replayed: true });
      expect(await eventCount()).toBe(2);
    });
  });

  describe('reading', () => {
    beforeEach(async () => {
      await t.request('POST', '/decisions', decision([
        newItem('1.000046', { level: 'province', field: 'Đất đai', agency: 'Sở Tài nguyên và Môi trường' }),
        newItem('1.0000460', { level: 'district', field: 'Đất đai', agency: 'UBND cấp huyện' }),
        newItem('2.001234', { level: 'district', field: 'Hộ tịch', agency: 'UBND cấp huyện' }),
        newItem('3.000001', { level: 'commune', field: 'Hộ tịch', agency: 'UBND cấp xã' }),
      ]));
      await t.request('POST', '/decisions', decision([{ kind: 'abolished', code: '3.000001' }], { decision: decisionRef('9/QĐ-UBND', '2022-09-01') }));
    });

    const codes = async (query: string) => (await t.request('GET', `/procedures${query}`)).body.items.map((p: { code: string }) => p.code);

    it('keeps codes as the opaque strings they were sent as', async () => {
      expect(await codes('')).toEqual(['1.000046', '1.0000460', '2.001234', '3.000001']);
      expect((await t.request('GET', '/procedures/1.0000460')).body.level).toBe('district');
    });

    it('filters by level, status, field and agency, matching Vietnamese text whatever its case or Unicode form', async () => {
      expect(await codes('?level=district')).toEqual(['1.0000460', '2.001234']);
      expect(await codes('?status=abolished')).toEqual(['3.000001']);
      expect(await codes(`?field=${encodeURIComponent('đất đai'.normalize('NFD'))}`)).toEqual(['1.000046', '1.0000460']);
      expect(await codes(`?agency=${encodeURIComponent('ubnd CẤP HUYỆN')}&field=${encodeURIComponent('Hộ tịch')}`)).toEqual(['2.001234']);
    });

    it('pages with a cursor', async () => {
      const first = (await t.request('GET', '/procedures?limit=3')).body;
      expect(first.items).toHaveLength(3);
      const second = (await t.request('GET', `/procedures?limit=3&cursor=${encodeURIComponent(first.nextCursor)}`)).body;
      expect(second.items.map((p: { code: string }) => p.code)).toEqual(['3.000001']);
      expect(second.nextCursor).toBeUndefined();
    });

    it('refuses an unknown filter value with 400 naming it', async () => {
      const response = await t.request('GET', '/procedures?level=province-ish&limit=0');
      expect(response.status).toBe(400);
      expect(response.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['level', 'limit']);
    });

    it('answers 404 for an unknown procedure and its history', async () => {
      for (const url of ['/procedures/1.00004', '/procedures/1.00004/history']) {
        const response = await t.request('GET', url);
        expect(response.status).toBe(404);
        expect(response.body).toMatchObject({ code: 'PROCEDURE.NOT_FOUND', messageVi: expect.stringContaining('1.00004') });
      }
    });

    it('shows the full history in order with actor, dates, decision and correlation', async () => {
      await t.request('POST', '/decisions', decision([{ kind: 'amended', code: '2.001234', procedure: procedure({ level: 'district', announcedDays: 9 }) }], { decision: decisionRef('10/QĐ-UBND', '2022-10-01') }), {
        'X-Actor': 'so-tu-phap',
        'X-Correlation-Id': 'req-42',
      });
      const { events } = (await t.request('GET', '/procedures/2.001234/history')).body;
      expect(events.map((e: { revision: number }) => e.revision)).toEqual([0, 1]);
      expect(events[1]).toMatchObject({ actor: 'so-tu-phap', correlationId: 'req-42', effectiveDate: '2022-10-01', decision: { number: '10/QĐ-UBND' } });
      expect(events[1].position).toBeGreaterThan(events[0].position);
      expect(Date.parse(events[1].recordedAt)).toBeGreaterThanOrEqual(Date.parse(events[0].recordedAt));
    });
  });
});
