import { RecordedEvent } from '../../src/core/event-envelope';
import { LiveProjections } from '../../src/core/projection/live-projections';
import { SqliteReadStore, tableName } from '../../src/core/projection/read-store';
import { rebuildProjections } from '../../src/core/projection/rebuild';
import { ALL_PROJECTIONS } from '../../projections';
import { procedureCatalogProjection } from '../../projections/procedure-catalog.projection';
import { cut, decision, decisionRef, newItem, opening, procedure } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const pause = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('what inspectors ask of the ledger', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp('sqlite')));
  afterEach(() => t.close());

  describe('as of a date and as known at a moment, across a correction', () => {
    let cutRecordedAt: string;

    beforeEach(async () => {
      await t.request('POST', '/catalogue/opening-entries', opening(['1.000046']));
      await pause();
      await t.request('POST', '/procedures/1.000046/cuts', cut(15, 10, { effectiveDate: '2022-07-01' }));
      const cutEvent = (await t.request('GET', '/procedures/1.000046/history')).body.events[1];
      cutRecordedAt = cutEvent.recordedAt;
      await pause();
      const correction = await t.request('POST', '/procedures/1.000046/corrections', {
        correctsEventId: cutEvent.eventId,
        reason: 'Quyết định 77/QĐ-UBND cắt xuống 12 ngày, không phải 10',
        cut: { fromDays: 15, toDays: 12 },
      }, { 'X-Actor': 'thanh-tra' });
      expect(correction.status).toBe(201);
    });

    const days = async (query: string) => (await t.request('GET', `/procedures/1.000046${query}`)).body.announcedDays;

    it('uses the correction for the current state and keeps both facts in the history', async () => {
      expect(await days('')).toBe(12);
      const { events } = (await t.request('GET', '/procedures/1.000046/history')).body;
      expect(events.map((e: { type: string }) => e.type)).toEqual(['ProcedureOpened', 'ProcessingTimeCut', 'EventCorrected']);
      expect(events[2]).toMatchObject({ actor: 'thanh-tra', effectiveDate: '2022-07-01', data: { correctsEventId: events[1].eventId, reason: expect.any(String) } });
    });

    it('answers as of an effective date, before and after the cut took effect', async () => {
      expect(await days('?asOf=2022-06-30')).toBe(15);
      expect(await days('?asOf=2022-12-31')).toBe(12);
      expect((await t.request('GET', '/procedures/1.000046?asOf=2021-01-01')).status).toBe(404);
    });

    it('answers as known at a moment before the correction with what was believed then', async () => {
      expect(await days(`?knownAt=${encodeURIComponent(cutRecordedAt)}`)).toBe(10);
      expect(await days(`?asOf=2022-12-31&knownAt=${encodeURIComponent(cutRecordedAt)}`)).toBe(10);
      const list = async (query: string) => (await t.request('GET', `/procedures${query}`)).body.items[0].announcedDays;
      expect(await list(`?asOf=2022-12-31&knownAt=${encodeURIComponent(cutRecordedAt)}`)).toBe(10);
      expect(await list('?asOf=2022-12-31')).toBe(12);
      expect(await list('?asOf=2022-06-30')).toBe(15);
      expect(await list('')).toBe(12);
    });

    it('folds the catalogue as of a date with corrected and uncorrected procedures side by side', async () => {
      await t.request('POST', '/catalogue/opening-entries', opening(['1.000045', '1.000047']));
      await t.request('POST', '/procedures/1.000047/cuts', cut(15, 9, { effectiveDate: '2022-08-01' }));
      const listed = async (query: string) =>
        (await t.request('GET', `/procedures${query}`)).body.items.map((p: { code: string; announcedDays: number; revision: number }) => [p.code, p.announcedDays, p.revision]);
      expect(await listed('?asOf=2022-12-31')).toEqual([
        ['1.000045', 15, 0],
        ['1.000046', 12, 2],
        ['1.000047', 9, 1],
      ]);
      expect(await listed('?asOf=2022-07-15')).toEqual([
        ['1.000045', 15, 0],
        ['1.000046', 12, 2],
        ['1.000047', 15, 0],
      ]);
      expect(await listed('?asOf=2022-12-31')).toEqual(await listed(''));
    });

    it('refuses a correction that names an event of another procedure, or breaks the cut rule', async () => {
      const otherId = (await t.request('GET', '/procedures/1.000046/history')).body.events[0].eventId;
      const wrongData = await t.request('POST', '/procedures/1.000046/corrections', { correctsEventId: otherId, reason: 'x', cut: { fromDays: 15, toDays: 12 } });
      expect(wrongData.status).toBe(422);
      expect(wrongData.body).toMatchObject({ code: 'CORRECTION.WRONG_DATA', details: [{ field: 'procedure' }] });
      const raise = await t.request('POST', '/procedures/1.000046/corrections', {
        correctsEventId: (await t.request('GET', '/procedures/1.000046/history')).body.events[1].eventId,
        reason: 'x',
        cut: { fromDays: 15, toDays: 16 },
      });
      expect(raise.status).toBe(422);
      const unknown = await t.request('POST', '/procedures/1.000046/corrections', { correctsEventId: '01890a5d-ac96-774b-bcce-b302099a8057', reason: 'x', cut: { fromDays: 15, toDays: 12 } });
      expect(unknown.body).toMatchObject({ code: 'CORRECTION.UNKNOWN_EVENT', details: [{ field: 'correctsEventId' }] });
    });

    it('counts the corrected cut in the reductions', async () => {
      const cuts = (await t.request('GET', '/reductions/cuts?from=2022-01-01&to=2022-12-31')).body;
      expect(cuts.total).toMatchObject({ count: 1, beforeDays: 15, afterDays: 12, daysCut: 3, percentCut: 20 });
    });
  });

  it('returns exactly the audit events each filter selects, page by page', async () => {
    await t.request('POST', '/catalogue/opening-entries', opening(['1.1', '1.2', '1.3']), { 'X-Actor': 'mo-so' });
    for (let i = 0; i < 3; i++) {
      await t.request('POST', '/decisions', decision([{ kind: 'amended', code: `1.${i + 1}`, procedure: procedure({ announcedDays: 14 - i }) }], {
        decision: decisionRef(`${i + 10}/QĐ-UBND`, `2022-0${i + 3}-01`),
      }), { 'X-Actor': i % 2 ? 'so-noi-vu' : 'vp-ubnd' });
      await t.request('POST', `/procedures/1.${i + 1}/cuts`, cut(14 - i, 9 - i, { effectiveDate: `2022-0${i + 7}-15` }), { 'X-Actor': 'vp-ubnd' });
    }
    const all: RecordedEvent[] = await t.store.readAll();
    // Each entry is the stored event whole, its id named eventId.
    const entryOf = (e: RecordedEvent) => ({
      position: e.position,
      eventId: e.id,
      streamId: e.streamId,
      revision: e.revision,
      type: e.type,
      schemaVersion: e.schemaVersion,
      recordedAt: e.recordedAt,
      metadata: e.metadata,
      data: e.data,
    });
    const expectFilter = async (query: string, keep: (e: RecordedEvent) => boolean) => {
      const items: unknown[] = [];
      let cursor: string | undefined;
      do {
        const page = (await t.request('GET', `/audit?limit=2&${query}${cursor ? `&cursor=${cursor}` : ''}`)).body;
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(items).toEqual(all.filter(keep).map(entryOf));
      expect(items.length).toBeGreaterThan(0);
    };
    await expectFilter('actor=vp-ubnd', (e) => e.metadata.actor === 'vp-ubnd');
    await expectFilter(`decision=${encodeURIComponent('11/QĐ-UBND')}`, (e) => e.metadata.decision?.number === '11/QĐ-UBND');
    await expectFilter('type=ProcessingTimeCut', (e) => e.type === 'ProcessingTimeCut');
    await expectFilter('entityType=procedure&entityId=1.2', (e) => e.streamId === 'procedure-1.2');
    await expectFilter('entityType=decision', (e) => e.streamId.startsWith('decision-'));
    await expectFilter('effectiveFrom=2022-04-01&effectiveTo=2022-07-31', (e) => e.metadata.effectiveDate >= '2022-04-01' && e.metadata.effectiveDate <= '2022-07-31');
    const middle = all[6].recordedAt;
    await expectFilter(`recordedFrom=${encodeURIComponent(middle)}`, (e) => e.recordedAt >= middle);
    await expectFilter(`recordedTo=${encodeURIComponent(middle)}&actor=mo-so`, (e) => e.recordedAt <= middle && e.metadata.actor === 'mo-so');

    const bad = await t.request('GET', '/audit?effectiveFrom=2022-13-01&recordedTo=yesterday&cursor=abc');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: { field: string }) => d.field).sort()).toEqual(['cursor', 'effectiveFrom', 'recordedTo']);
  });

  it('shows what changed between two dates and by which decisions', async () => {
    await t.request('POST', '/catalogue/opening-entries', opening(['1.1', '1.2']));
    await t.request('POST', '/decisions', decision([{ kind: 'abolished', code: '1.1' }, newItem('2.1')], { decision: decisionRef('5/QĐ-UBND', '2022-03-01') }));
    await t.request('POST', '/decisions', decision([{ kind: 'amended', code: '1.2', procedure: procedure({ announcedDays: 9 }) }], { decision: decisionRef('6/QĐ-UBND', '2023-02-01') }));

    const diff = (await t.request('GET', '/procedures/changes?from=2021-12-31&to=2022-12-31')).body;
    expect(diff.byDecision).toEqual([{ decision: '5/QĐ-UBND', procedures: 2 }]);
    expect(diff.changes.map((c: { code: string }) => c.code)).toEqual(['1.1', '2.1']);
    expect(diff.changes[0]).toMatchObject({ before: { status: 'in_force' }, after: { status: 'abolished' }, events: [{ type: 'ProcedureAbolished', effectiveDate: '2022-03-01' }] });
    expect(diff.changes[1].before).toBeUndefined();
    expect(diff.changes[1].after).toMatchObject({ status: 'in_force' });
    // Changes are those effective after `from`, up to `to` inclusive: a change on `from` itself is already in `before`.
    const codesChanged = async (from: string, to: string) =>
      (await t.request('GET', `/procedures/changes?from=${from}&to=${to}`)).body.changes.map((c: { code: string }) => c.code);
    expect(await codesChanged('2022-03-01', '2023-12-31')).toEqual(['1.2']);
    expect(await codesChanged('2022-02-28', '2022-03-01')).toEqual(['1.1', '2.1']);

    // A page at a time, from the answer kept for the period over the same log; a change recorded since is in the next.
    const page = async (cursor?: string) => (await t.request('GET', `/procedures/changes?from=2021-12-31&to=2022-12-31&limit=1${cursor ? `&cursor=${cursor}` : ''}`)).body;
    const first = await page();
    expect([first.changes.map((c: { code: string }) => c.code), first.nextCursor]).toEqual([['1.1'], '1.1']);
    expect((await page(first.nextCursor)).changes.map((c: { code: string }) => c.code)).toEqual(['2.1']);
    expect((await t.request('POST', '/decisions', decision([newItem('1.3')], { decision: decisionRef('8/QĐ-UBND', '2022-06-01') }))).status).toBe(201);
    expect((await page(first.nextCursor)).changes.map((c: { code: string }) => c.code)).toEqual(['1.3']);
    expect((await page()).byDecision).toEqual([{ decision: '5/QĐ-UBND', procedures: 2 }, { decision: '8/QĐ-UBND', procedures: 1 }]);

    const refused = await t.request('GET', '/procedures/changes?from=2023-01-01&to=2022-01-01');
    expect(refused.status).toBe(400);
  });

  it('sums statutory against announced days of the procedures in force, by level', async () => {
    await t.request('POST', '/catalogue/opening-entries', {
      asOf: '2023-06-30',
      source: 'tổng hợp minh hoạ',
      // Eight provincial procedures of 2,500 → 1,750 days and three district ones of 2,614.5 → 1,780.5 days.
      procedures: [
        ...Array.from({ length: 8 }, (_, i) => ({ code: `p.${i}`, procedure: procedure({ level: 'province', statutoryDays: 2500, announcedDays: 1750 }) })),
        ...Array.from({ length: 3 }, (_, i) => ({ code: `d.${i}`, procedure: procedure({ level: 'district', statutoryDays: 2614.5, announcedDays: 1780.5 }) })),
      ],
    });
    const total = (await t.request('GET', '/reductions/in-force')).body;
    expect(total.total).toEqual({ key: 'total', count: 11, beforeDays: 27843.5, afterDays: 19341.5, daysCut: 8502, percentCut: 30.535 });
    const byLevel = (await t.request('GET', '/reductions/in-force?by=level')).body;
    expect(byLevel.groups.map((g: { key: string; daysCut: number }) => [g.key, g.daysCut])).toEqual([['district', 2502], ['province', 6000]]);
    expect((await t.request('GET', '/reductions/in-force?asOf=2023-01-01')).body.total.count).toBe(0);

    // An abolished procedure leaves the sum from the day its abolition takes effect, and stays in it before.
    const abolition = await t.request('POST', '/decisions', decision([{ kind: 'abolished', code: 'd.0' }], { decision: decisionRef('7/QĐ-UBND', '2023-09-01') }));
    expect(abolition.status).toBe(201);
    expect((await t.request('GET', '/reductions/in-force')).body.total).toMatchObject({ count: 10, beforeDays: 25229, afterDays: 17561 });
    expect((await t.request('GET', '/reductions/in-force?asOf=2023-08-31')).body.total.count).toBe(11);
  });

  it('answers "as of" a date from the latest snapshot written at or before it, with what it lacks folded on top', async () => {
    await t.request('POST', '/catalogue/opening-entries', opening(['1.1', '1.2']));
    await t.request('POST', '/decisions', decision([{ kind: 'abolished', code: '1.2' }], { decision: decisionRef('5/QĐ-UBND', '2022-03-01') }));
    const readStore = t.app.get(SqliteReadStore);
    const snapshotFor2022 = async () => {
      await t.app.get(LiveProjections).caughtUp();
      await rebuildProjections(t.store, readStore, [procedureCatalogProjection], { asOf: '2022-12-31' });
      return tableName(procedureCatalogProjection.name, readStore.snapshot('procedure-catalog@asOf=2022-12-31')!.generation);
    };
    const table = await snapshotFor2022();
    // Recorded after the snapshot was written, yet in effect by its date: a new procedure and a cut.
    expect((await t.request('POST', '/decisions', decision([newItem('2.1')], { decision: decisionRef('6/QĐ-UBND', '2022-09-01') }))).status).toBe(201);
    expect((await t.request('POST', '/procedures/1.1/cuts', cut(15, 10, { effectiveDate: '2022-10-01' }))).status).toBe(201);
    const asOf2022 = async () => (await t.request('GET', '/procedures?asOf=2022-12-31')).body.items as Array<Record<string, unknown>>;
    const summary = (items: Array<Record<string, unknown>>) => items.map(({ code, status, announcedDays, name }) => [code, status, announcedDays, name]);

    // The snapshot is what answers: a name changed in it, and in it alone, shows.
    readStore.db.prepare(`UPDATE ${table} SET doc = json_set(doc, '$.attributes.name', 'chỉ trong ảnh chụp') WHERE id = '1.2'`).run();
    const fromSnapshot = await asOf2022();
    expect(summary(fromSnapshot)).toEqual([
      ['1.1', 'in_force', 10, procedure().name],
      ['1.2', 'abolished', 15, 'chỉ trong ảnh chụp'],
      ['2.1', 'in_force', 15, procedure().name],
    ]);
    // A later date starts from the live catalogue, which holds nothing beyond it.
    expect((await t.request('POST', '/procedures/2.1/cuts', cut(15, 12, { effectiveDate: '2023-03-01' }))).status).toBe(201);
    const asOf2023 = (await t.request('GET', '/procedures?asOf=2023-06-30')).body.items as Array<Record<string, unknown>>;
    expect(summary(asOf2023)).toEqual([
      ['1.1', 'in_force', 10, procedure().name],
      ['1.2', 'abolished', 15, procedure().name],
      ['2.1', 'in_force', 12, procedure().name],
    ]);
    // An earlier date too, with the procedures changed since folded again from the trail.
    expect(summary((await t.request('GET', '/procedures?asOf=2022-08-31')).body.items)).toEqual([
      ['1.1', 'in_force', 15, procedure().name],
      ['1.2', 'abolished', 15, procedure().name],
    ]);
    // As known at a moment, it serves too once everything it folded had been recorded by then; before that, the live
    // catalogue answers, with what was recorded after that moment folded again. (Its last event is the abolition of 1.2.)
    const knownAt = async (moment: string) => summary((await t.request('GET', `/procedures?asOf=2022-12-31&knownAt=${moment}`)).body.items);
    expect(await knownAt('2100-01-01T00:00:00Z')).toEqual(summary(fromSnapshot));
    const abolished = Date.parse((await t.request('GET', '/procedures/1.2/history')).body.events.at(-1).recordedAt);
    expect(await knownAt(new Date(abolished - 1).toISOString())).toEqual([
      ['1.1', 'in_force', 15, procedure().name],
      ['1.2', 'in_force', 15, procedure().name],
    ]);
    expect((await knownAt(new Date(abolished).toISOString()))[1]).toEqual(['1.2', 'abolished', 15, 'chỉ trong ảnh chụp']);

    // Without the snapshot, the same from the live catalogue, but for the name. (Read as known at another moment: the
    // last catalogue read is kept for the next read at the same point over the same log.)
    readStore.db.prepare(`UPDATE ${table} SET doc = json_set(doc, '$.attributes.name', ?) WHERE id = '1.2'`).run(procedure().name);
    const withSnapshot = await asOf2022();
    expect(readStore.dropSnapshot('procedure-catalog@asOf=2022-12-31')).toBe(true);
    const fromTrail = (await t.request('GET', '/procedures?asOf=2022-12-31&knownAt=2100-01-02T00:00:00Z')).body.items;
    expect(fromTrail).toEqual(withSnapshot);

    // A correction recorded since refolds its stream from the trail, which a snapshot cannot do; the others stay its.
    const changedTable = await snapshotFor2022();
    readStore.db.prepare(`UPDATE ${changedTable} SET doc = json_set(doc, '$.attributes.name', 'chỉ trong ảnh chụp') WHERE id IN ('1.1', '1.2')`).run();
    const cutId = (await t.request('GET', '/procedures/1.1/history')).body.events[1].eventId;
    const correction = await t.request('POST', '/procedures/1.1/corrections', { correctsEventId: cutId, reason: 'sai số', cut: { fromDays: 15, toDays: 11 } });
    expect(correction.status).toBe(201);
    expect(summary(await asOf2022())).toEqual([
      ['1.1', 'in_force', 11, procedure().name],
      ['1.2', 'abolished', 15, 'chỉ trong ảnh chụp'],
      ['2.1', 'in_force', 15, procedure().name],
    ]);
  });

  it('answers as of a recent date, or as known at a recent moment, from the live catalogue, its procedures beyond that point folded again', async () => {
    await t.request('POST', '/catalogue/opening-entries', opening(['1.1', '1.2']));
    expect((await t.request('POST', '/decisions', decision([newItem('2.1')], { decision: decisionRef('4/QĐ-UBND', '2024-01-01') }))).status).toBe(201);
    await t.app.get(LiveProjections).caughtUp();
    const readStore = t.app.get(SqliteReadStore);
    const live = tableName(procedureCatalogProjection.name, readStore.status(procedureCatalogProjection.name)!.generation);
    // The live catalogue is what answers when a name changed in it, and in it alone, shows.
    readStore.db.prepare(`UPDATE ${live} SET doc = json_set(doc, '$.attributes.name', 'chỉ trong danh mục') WHERE id = '1.2'`).run();
    const read = async (query: string) =>
      ((await t.request('GET', `/procedures?${query}`)).body.items as Array<{ code: string; name: string; announcedDays: number }>).map((p) => [p.code, p.name, p.announcedDays]);
    const [name, marked] = [procedure().name, 'chỉ trong danh mục'];

    expect(await read('asOf=2024-01-01')).toEqual([['1.1', name, 15], ['1.2', marked, 15], ['2.1', name, 15]]);
    expect(await read('knownAt=2100-01-01T00:00:00Z')).toEqual([['1.1', name, 15], ['1.2', marked, 15], ['2.1', name, 15]]);
    // A day earlier, 2.1 had not taken effect: it is folded again from the trail, as of that day, and is not there yet.
    expect(await read('asOf=2023-12-31')).toEqual([['1.1', name, 15], ['1.2', marked, 15]]);
    // A cut of 2024-06-01 recorded since: as of 2024-01-01, 2.1 is folded again without it.
    expect((await t.request('POST', '/procedures/2.1/cuts', cut(15, 12, { effectiveDate: '2024-06-01' }))).status).toBe(201);
    expect(await read('asOf=2024-01-01')).toEqual([['1.1', name, 15], ['1.2', marked, 15], ['2.1', name, 15]]);
    expect(await read('asOf=2024-06-01')).toEqual([['1.1', name, 15], ['1.2', marked, 15], ['2.1', name, 12]]);
    // As known before 2.1 was recorded, it is not there either.
    const recorded = (await t.request('GET', '/procedures/2.1/history')).body.events[0].recordedAt as string;
    expect(await read(`knownAt=${new Date(Date.parse(recorded) - 1).toISOString()}`)).toEqual([['1.1', name, 15], ['1.2', marked, 15]]);
  });

  it('rebuilds every read model into exactly what the live projections built', async () => {
    await t.request('POST', '/catalogue/opening-entries', opening(['1.1', '1.2']));
    await t.request('POST', '/procedures/1.1/cuts', cut(15, 10));
    const cutId = (await t.request('GET', '/procedures/1.1/history')).body.events[1].eventId;
    await t.request('POST', '/procedures/1.1/corrections', { correctsEventId: cutId, reason: 'sai số', cut: { fromDays: 15, toDays: 11 } });
    await t.request('POST', '/decisions', decision([{ kind: 'abolished', code: '1.2' }]));
    const runner = t.app.get(LiveProjections);
    const readStore = t.app.get(SqliteReadStore);
    await runner.caughtUp();
    const dump = () => ALL_PROJECTIONS.map((p) => [...readStore.documents(p, readStore.status(p.name)!.generation)]);
    const live = dump();

    await rebuildProjections(t.store, readStore, ALL_PROJECTIONS);
    expect(dump()).toEqual(live);
    expect((await t.request('GET', '/procedures/1.1')).body.announcedDays).toBe(11);
  });
});
