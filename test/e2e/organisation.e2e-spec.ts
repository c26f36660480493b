import { cut } from '../support/fixtures';
import { ABOLITION, CATALOGUE, DISSOLUTION, ESTABLISHING, MERGER, ref, REGISTRY, SPLIT, unit } from '../support/organisation-fixtures';
import { startTestApp, TestApp } from '../support/test-app';

/** Posts a write that must succeed; a refusal fails the setup with its error body. */
async function ok(t: TestApp, url: string, body: unknown, headers?: Record<string, string>) {
  const response = await t.request('POST', url, body, headers);
  if (response.status !== 201) throw new Error(`POST ${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
  return response.body;
}

async function openRegistryAndCatalogue(t: TestApp) {
  for (const body of REGISTRY) await ok(t, '/units', body);
  await ok(t, '/catalogue/opening-entries', CATALOGUE);
}

interface Node {
  id: string;
  children: Node[];
}
/** A tree as text, `tinh(a,b(c))`: one line says the whole shape. */
const shape = (nodes: Node[]): string => nodes.map((n) => (n.children.length > 0 ? `${n.id}(${shape(n.children)})` : n.id)).join(',');
const ids = (members: Array<{ id: string; depth: number }>) => members.map((m) => `${m.id}@${m.depth}`);

describe.each(['memory', 'sqlite'] as const)('a chain of reorganisations over HTTP (%s store)', (backend) => {
  let t: TestApp;
  const steps: Record<string, { position: number; units: string[]; procedures: Array<{ code: string; effects: string[] }> }> = {};

  beforeAll(async () => {
    t = await startTestApp(backend);
    await openRegistryAndCatalogue(t);
    // Merge A+B into C; the sub-unit of B moves along.
    steps.merge = await ok(t, '/reorganisations/merges', {
      decision: MERGER,
      effectiveDate: '2025-03-01',
      units: [{ unitId: 'so-nnptnt' }, { unitId: 'so-tnmt', expectedRevision: 0 }],
      into: { unitId: 'so-nnmt', name: 'Sở Nông nghiệp và Môi trường', level: 'province', category: 'agency', parentId: 'tinh' },
    });
    // Split C into D and E: its sub-unit is moved out first, under the same decision; its procedures go to D.
    steps.transfer = await ok(t, '/reorganisations/transfers', { decision: SPLIT, effectiveDate: '2025-04-01', unitId: 'vpdk', parentId: 'tinh' });
    steps.split = await ok(t, '/reorganisations/splits', {
      decision: SPLIT,
      effectiveDate: '2025-04-01',
      unitId: 'so-nnmt',
      parts: [
        { unitId: 'so-nn', name: 'Sở Nông nghiệp' },
        { unitId: 'so-mt', name: 'Sở Môi trường' },
      ],
      proceduresTo: 'so-nn',
    });
    // Dissolve D.
    steps.dissolve = await ok(t, '/reorganisations/dissolutions', { decision: DISSOLUTION, effectiveDate: '2025-05-15', unitId: 'so-nn' });
    // Abolish the district level: its one-stop desk survives at commune level, the commune gets a new parent.
    steps.abolish = await ok(t, '/reorganisations/level-abolitions', {
      decision: ABOLITION,
      effectiveDate: '2025-07-01',
      level: 'district',
      transfers: [
        { unitId: 'bu-dang-mc', level: 'commune', parentId: 'minh-hung' },
        { unitId: 'minh-hung', parentId: 'tinh' },
      ],
    });
  });
  afterAll(() => t.close());

  const get = async (url: string) => {
    const response = await t.request('GET', url);
    expect(response.status).toBe(200);
    return response.body;
  };

  it('reports what each step wrote, procedures included', () => {
    expect(steps.merge).toMatchObject({
      kind: 'merger',
      units: ['so-nnptnt', 'so-tnmt', 'so-nnmt', 'vpdk'],
      procedures: [
        { code: '1.000001', effects: ['agency_changed'] },
        { code: '1.000002', effects: ['agency_changed'] },
      ],
      replayed: false,
    });
    expect(steps.split).toMatchObject({ kind: 'split', units: ['so-nnmt', 'so-nn', 'so-mt'], procedures: [{ code: '1.000001' }, { code: '1.000002' }] });
    expect(steps.dissolve.procedures).toEqual([
      { code: '1.000001', effects: ['orphaned'] },
      { code: '1.000002', effects: ['orphaned'] },
    ]);
    expect(steps.abolish).toMatchObject({
      kind: 'level_abolition',
      level: 'district',
      units: ['bu-dang-mc', 'minh-hung', 'bu-dang', 'bu-dang-tp'],
      procedures: [
        { code: '2.000001', effects: ['orphaned'] },
        { code: '2.000002', effects: ['orphaned'] },
        { code: '2.000003', effects: ['level_changed'] },
      ],
    });
  });

  it('shows the unit tree as of dates before, between and after the changes', async () => {
    const tree = async (asOf?: string) => shape((await get(`/units${asOf ? `?asOf=${asOf}` : ''}`)).roots);
    const district = 'bu-dang(bu-dang-mc,bu-dang-tp,minh-hung)';
    expect(await tree('2017-12-31')).toBe('');
    expect(await tree('2024-12-31')).toBe(`tinh(${district},so-nnptnt,so-tnmt(vpdk))`);
    expect(await tree('2025-03-15')).toBe(`tinh(${district},so-nnmt(vpdk))`);
    expect(await tree('2025-04-15')).toBe(`tinh(${district},so-mt,so-nn,vpdk)`);
    expect(await tree('2025-06-01')).toBe(`tinh(${district},so-mt,vpdk)`);
    expect(await tree('2025-07-01')).toBe('tinh(minh-hung(bu-dang-mc),so-mt,vpdk)');
    expect(await tree()).toBe('tinh(minh-hung(bu-dang-mc),so-mt,vpdk)');
    expect((await get('/units?asOf=2025-07-01')).count).toBe(5);
  });

  it('counts units by level and category over time', async () => {
    const { counts } = await get('/units/counts?dates=2024-12-31,2025-03-15,2025-04-15,2025-06-01,2025-07-01');
    expect(counts.map((c: { asOf: string; total: number; byLevel: object }) => [c.asOf, c.total, c.byLevel])).toEqual([
      ['2024-12-31', 8, { province: 4, district: 3, commune: 1 }],
      ['2025-03-15', 7, { province: 3, district: 3, commune: 1 }],
      ['2025-04-15', 8, { province: 4, district: 3, commune: 1 }],
      ['2025-06-01', 7, { province: 3, district: 3, commune: 1 }],
      ['2025-07-01', 5, { province: 3, district: 0, commune: 2 }],
    ]);
    expect(counts[4].byCategory).toEqual({ province: 1, agency: 2, sub_agency: 0, office: 0, public_service_unit: 1, one_stop_desk: 1 });
    expect(counts[0].byLevelAndCategory).toContainEqual({ level: 'district', category: 'office', count: 1 });
    expect((await get('/units/counts?asOf=2025-07-01')).counts).toEqual([counts[4]]);
  });

  it('traces lineage through every merger and split, as of any date', async () => {
    const now = await get('/units/so-mt/lineage');
    expect(ids(now.predecessors)).toEqual(['so-nnmt@1', 'so-nnptnt@2', 'so-tnmt@2']);
    expect(now.successors).toEqual([]);
    expect(now.links).toEqual([
      { kind: 'merger', effectiveDate: '2025-03-01', decision: MERGER, from: ['so-nnptnt', 'so-tnmt'], to: ['so-nnmt'] },
      { kind: 'split', effectiveDate: '2025-04-01', decision: SPLIT, from: ['so-nnmt'], to: ['so-nn', 'so-mt'] },
    ]);
    expect(ids((await get('/units/so-tnmt/lineage')).successors)).toEqual(['so-nnmt@1', 'so-nn@2', 'so-mt@2']);
    expect(ids((await get('/units/so-tnmt/lineage?asOf=2025-03-15')).successors)).toEqual(['so-nnmt@1']);
    expect((await get('/units/so-tnmt/lineage?asOf=2024-12-31')).successors).toEqual([]);
    expect((await get('/units/so-nn/lineage')).successors).toEqual([]);
    const before = await t.request('GET', '/units/so-nnmt/lineage?asOf=2024-12-31');
    expect(before.status).toBe(404);
  });

  it('shows a unit as of a date, and how it ended', async () => {
    expect(await get('/units/so-nn?asOf=2025-04-15')).toMatchObject({ status: 'active', predecessors: ['so-nnmt'], asOf: '2025-04-15' });
    expect(await get('/units/so-nn')).toMatchObject({ status: 'dissolved', endedOn: '2025-05-15', endReason: 'dissolution', lastDecision: DISSOLUTION, revision: 1 });
    expect(await get('/units/so-nnmt')).toMatchObject({ status: 'split', successors: ['so-nn', 'so-mt'], predecessors: ['so-nnptnt', 'so-tnmt'] });
    expect(await get('/units/bu-dang')).toMatchObject({ status: 'dissolved', endReason: 'level_abolition' });
    expect(await get('/units/bu-dang-mc')).toMatchObject({ status: 'active', level: 'commune', parentId: 'minh-hung' });
    expect(await get('/units/bu-dang-mc?asOf=2025-06-30')).toMatchObject({ level: 'district', parentId: 'bu-dang' });
    const early = await t.request('GET', '/units/so-nnmt?asOf=2025-02-28');
    expect(early.status).toBe(404);
    expect(early.body).toMatchObject({ code: 'UNIT.NOT_YET_ESTABLISHED', details: [{ field: 'asOf' }] });
    const history = await get('/units/vpdk/history');
    expect(history.events.map((e: { type: string }) => e.type)).toEqual(['UnitEstablished', 'UnitTransferred', 'UnitTransferred']);
    expect(history.events[1]).toMatchObject({ decision: MERGER, data: { parentId: 'so-nnmt', previousParentId: 'so-tnmt' } });
  });

  it('moves procedures with their unit by explicit events, and flags those left without one', async () => {
    const history = await get('/procedures/1.000001/history');
    expect(history.events.map((e: { type: string; effectiveDate: string }) => `${e.type}@${e.effectiveDate}`)).toEqual([
      'ProcedureOpened@2021-12-31',
      'ProcedureAgencyChanged@2025-03-01',
      'ProcedureAgencyChanged@2025-04-01',
      'ProcedureOrphaned@2025-05-15',
    ]);
    expect(history.events[1]).toMatchObject({
      decision: MERGER,
      data: { agency: 'Sở Nông nghiệp và Môi trường', previousAgency: 'Sở Tài nguyên và Môi trường', reason: 'unit_merged', unitId: 'so-nnmt' },
    });
    expect(history.events[2].data).toMatchObject({ agency: 'Sở Nông nghiệp', reason: 'unit_split', unitId: 'so-nn' });
    expect(history.events[3].data).toEqual({ code: '1.000001', agency: 'Sở Nông nghiệp', level: 'province', reason: 'unit_dissolved', unitId: 'so-nn' });
    expect(await get('/procedures/1.000001')).toMatchObject({
      status: 'in_force',
      agency: 'Sở Nông nghiệp',
      orphaned: { reason: 'unit_dissolved', since: '2025-05-15', unitId: 'so-nn' },
    });

    const moved = await get('/procedures/2.000003/history');
    expect(moved.events.map((e: { type: string }) => e.type)).toEqual(['ProcedureOpened', 'ProcedureLevelChanged']);
    expect(moved.events[1].data).toEqual({ code: '2.000003', level: 'commune', previousLevel: 'district', reason: 'level_abolished', unitId: 'bu-dang-mc' });
    const movedState = await get('/procedures/2.000003');
    expect(movedState).toMatchObject({ level: 'commune', agency: 'Bộ phận Một cửa huyện Bù Đăng' });
    expect(movedState.orphaned).toBeUndefined();

    expect((await get('/procedures/2.000001/history')).events[1].data).toEqual({ code: '2.000001', agency: 'UBND cấp huyện', level: 'district', reason: 'level_abolished' });
    expect((await get('/procedures?orphaned=true')).items.map((p: { code: string }) => p.code)).toEqual(['1.000001', '1.000002', '2.000001', '2.000002']);
    expect((await get('/procedures?orphaned=false')).items.map((p: { code: string }) => p.code)).toEqual(['2.000003']);
  });

  it('writes a reorganisation as one append: the record, then every unit and procedure it caused', async () => {
    const events = [
      ...(await get('/units/so-nnptnt/history')).events,
      ...(await get('/units/so-tnmt/history')).events,
      ...(await get('/units/so-nnmt/history')).events,
      ...(await get('/units/vpdk/history')).events,
      ...(await get('/procedures/1.000001/history')).events,
      ...(await get('/procedures/1.000002/history')).events,
    ].filter((e) => e.decision?.number === MERGER.number);
    expect(events.map((e) => e.position).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6].map((i) => steps.merge.position + i));
    expect(new Set(events.map((e) => e.correlationId)).size).toBe(1);
    expect(new Set(events.map((e) => e.causationId)).size).toBe(1);
    expect(events[0].causationId).not.toBe(events[0].correlationId);
  });
});

describe('organisation rules over HTTP', () => {
  let t: TestApp;
  const eventCount = async () => (await t.store.stats()).eventCount;

  beforeAll(async () => {
    t = await startTestApp('memory');
    await openRegistryAndCatalogue(t);
    await ok(t, '/reorganisations/dissolutions', { decision: ref('9/QĐ-UBND', '2024-01-01'), unitId: 'bu-dang-tp' });
  });
  afterAll(() => t.close());

  /** A refusal names the rule and the field, in both languages, and writes nothing. */
  const refused = async (method: 'GET' | 'POST', url: string, body: unknown, status: number, code: string, field?: string, headers?: Record<string, string>) => {
    const before = await eventCount();
    const response = await t.request(method, url, body, headers);
    expect(response.status).toBe(status);
    expect(response.body).toMatchObject({ code, messageVi: expect.any(String) });
    if (field) expect(response.body.details).toContainEqual(expect.objectContaining({ field }));
    expect(await eventCount()).toBe(before);
    return response.body;
  };
  const merge = (units: string[], into: Record<string, unknown>, overrides: Record<string, unknown> = {}) => ({
    decision: MERGER,
    effectiveDate: '2025-03-01',
    units: units.map((unitId) => ({ unitId })),
    into,
    ...overrides,
  });

  it('refuses merging a dissolved unit (422)', async () => {
    const body = await refused('POST', '/reorganisations/merges', merge(['bu-dang-mc', 'bu-dang-tp'], { unitId: 'bu-dang' }), 422, 'UNIT.NOT_ACTIVE', 'units[1].unitId');
    expect(body.message).toContain('bu-dang-tp was dissolved on 2024-01-01');
    expect(body.messageVi).toContain('đã bị giải thể');
  });

  it('refuses merging a unit into itself (422)', () =>
    refused('POST', '/reorganisations/merges', merge(['so-tnmt', 'so-nnptnt'], { unitId: 'so-tnmt' }), 422, 'MERGER.INTO_ITSELF', 'units[0].unitId'));

  it('refuses cycles in parents (422)', async () => {
    const body = await refused('POST', '/reorganisations/transfers', { decision: MERGER, unitId: 'bu-dang', parentId: 'minh-hung' }, 422, 'UNIT.PARENT_CYCLE', 'parentId');
    expect(body.message).toContain('bu-dang → minh-hung → bu-dang');
    await refused('POST', '/reorganisations/transfers', { decision: MERGER, unitId: 'tinh', parentId: 'vpdk' }, 422, 'UNIT.PARENT_CYCLE', 'parentId');
  });

  it('refuses a reorganisation effective before the unit existed, or before the decision was signed (422)', async () => {
    const early = ref('2/QĐ-UBND', '2017-05-01');
    await refused('POST', '/reorganisations/dissolutions', { decision: early, effectiveDate: '2017-06-01', unitId: 'so-tnmt' }, 422, 'UNIT.NOT_YET_ESTABLISHED', 'effectiveDate');
    await refused('POST', '/reorganisations/dissolutions', { decision: MERGER, effectiveDate: '2025-01-01', unitId: 'so-tnmt' }, 422, 'REORGANISATION.EFFECTIVE_BEFORE_SIGNED', 'effectiveDate');
  });

  it('refuses dissolving a unit with active sub-units, and a unit id already taken (422)', async () => {
    await refused('POST', '/reorganisations/dissolutions', { decision: MERGER, unitId: 'so-tnmt' }, 422, 'UNIT.PARENT_ENDED', 'unitId');
    await refused('POST', '/units', unit('so-tnmt', 'Sở khác', 'province', 'agency', 'tinh'), 422, 'UNIT.ALREADY_RECORDED', 'unitId');
  });

  it('refuses the whole reorganisation when a procedure that follows the unit changed after its effective date', async () => {
    await ok(t, '/procedures/1.000002/cuts', cut(8, 6, { effectiveDate: '2025-06-01', decision: ref('77/QĐ-UBND', '2025-06-01') }));
    const body = await refused(
      'POST',
      '/reorganisations/merges',
      merge(['so-nnptnt', 'so-tnmt'], { unitId: 'x-nnmt', name: 'Sở Nông nghiệp và Môi trường', level: 'province', category: 'agency', parentId: 'tinh' }),
      422,
      'PROCEDURE.EFFECTIVE_DATE_OUT_OF_ORDER',
      'effectiveDate',
    );
    expect(body.message).toContain('procedure 1.000002 follows units so-nnptnt, so-tnmt');
  });

  it('answers 404 for unknown units, in a route or in a body', async () => {
    await refused('POST', '/units/nope/renames', { decision: MERGER, name: 'Sở mới' }, 404, 'UNIT.NOT_FOUND', 'unitId');
    await refused('POST', '/reorganisations/merges', merge(['so-tnmt'], { unitId: 'nope' }), 404, 'UNIT.NOT_FOUND', 'into.unitId');
    await refused('POST', '/units', unit('x', 'X', 'province', 'agency', 'nope'), 404, 'UNIT.NOT_FOUND', 'parentId');
    for (const url of ['/units/nope', '/units/nope/history', '/units/nope/lineage']) await refused('GET', url, undefined, 404, 'UNIT.NOT_FOUND');
  });

  it('answers 409 for a stale expectedRevision', () =>
    refused('POST', '/reorganisations/dissolutions', { decision: MERGER, unitId: 'so-nnptnt', expectedRevision: 3 }, 409, 'STREAM.WRONG_EXPECTED_REVISION', 'expectedRevision'));

  it.each([
    ['a merger without its target', '/reorganisations/merges', { decision: MERGER, units: [{ unitId: 'so-tnmt' }] }, 'into', 'isDefined'],
    ['a new target without its level', '/reorganisations/merges', merge(['so-tnmt', 'so-nnptnt'], { unitId: 'c', name: 'Sở C', category: 'agency' }), 'into.level', 'isDefined'],
    ['merged units sent as bare strings', '/reorganisations/merges', { ...merge([], { unitId: 'tinh' }), units: ['so-tnmt'] }, 'units[0]', 'nestedValidation'],
    ['an unknown level', '/units', unit('x', 'X', 'ward', 'agency'), 'level', 'isIn'],
    ['an unknown category', '/units', unit('x', 'X', 'province', 'department'), 'category', 'isIn'],
    ['a unit id with a slash', '/units', unit('a/b', 'X', 'province', 'agency'), 'unitId', 'matches'],
    ['the reserved unit id "counts"', '/units', unit('counts', 'X', 'province', 'agency'), 'unitId', 'matches'],
    ['a unit without a decision', '/units', { ...unit('x', 'X', 'province', 'agency'), decision: undefined }, 'decision', 'isDefined'],
    ['a split into one part', '/reorganisations/splits', { decision: MERGER, unitId: 'so-tnmt', parts: [{ unitId: 'd', name: 'D' }] }, 'parts', 'arrayMinSize'],
    ['an abolition of an unknown level', '/reorganisations/level-abolitions', { decision: MERGER, level: 'ministry' }, 'level', 'isIn'],
    ['a negative count', '/reorganisations/summaries', { decision: MERGER, countBefore: -1, countAfter: 2 }, 'countBefore', 'min'],
    ['a fractional count', '/reorganisations/summaries', { decision: MERGER, countBefore: 2.5, countAfter: 2 }, 'countBefore', 'isInt'],
    ['an unknown field', '/reorganisations/dissolutions', { decision: MERGER, unitId: 'so-tnmt', reason: 'x' }, 'reason', 'whitelistValidation'],
  ])('refuses %s with 400 naming the field and the rule', async (_what, url, body, field, rule) => {
    const response = await refused('POST', url, body, 400, 'REQUEST.INVALID');
    expect(response.details).toContainEqual(expect.objectContaining({ field, rule }));
  });

  it.each([
    ['/units?asOf=2025-13-01', 'asOf'],
    ['/units/counts?dates=2024-12-31,soon', 'dates'],
    ['/units/so-tnmt/lineage?asOf=yesterday', 'asOf'],
  ])('refuses a bad date in %s with 400', (url, field) => refused('GET', url, undefined, 400, 'REQUEST.INVALID', field));

  it('answers a retried merger with its first result, and refuses the key on another request', async () => {
    const body = merge(['so-nnptnt', 'so-tnmt'], { unitId: 'nnmt', name: 'Sở NN và MT', level: 'province', category: 'agency', parentId: 'tinh' }, {
      decision: ref('88/QĐ-UBND', '2025-06-02'),
      effectiveDate: '2025-06-02',
    });
    const first = await t.request('POST', '/reorganisations/merges', body, { 'Idempotency-Key': 'merge-88' });
    expect(first.status).toBe(201);
    const count = await eventCount();
    const retry = await t.request('POST', '/reorganisations/merges', body, { 'Idempotency-Key': 'merge-88' });
    expect(retry.status).toBe(201);
    expect(retry.headers['idempotent-replayed']).toBe('true');
    expect(retry.body).toEqual({ ...first.body, replayed: true });
    expect(await eventCount()).toBe(count);

    await refused('POST', '/reorganisations/dissolutions', { decision: body.decision, unitId: 'nnmt' }, 409, 'IDEMPOTENCY.KEY_REUSED', undefined, { 'Idempotency-Key': 'merge-88' });
    // Under another decision the key is looked up in another stream; its event ids collide in the store instead.
    await refused('POST', '/units/nnmt/renames', { decision: ref('89/QĐ-UBND', '2025-06-02'), name: 'Sở Nông nghiệp và Môi trường' }, 409, 'IDEMPOTENCY.KEY_REUSED', undefined, {
      'Idempotency-Key': 'merge-88',
    });
  });

  it('lets one of two concurrent dissolutions of a unit win; the other is refused', async () => {
    const dissolve = (n: number) => t.request('POST', '/reorganisations/dissolutions', { decision: ref(`${n}/QĐ-UBND`, '2025-06-03'), unitId: 'so-mt-x' });
    await ok(t, '/units', unit('so-mt-x', 'Sở thử', 'province', 'agency', 'tinh'));
    const statuses = (await Promise.all([dissolve(91), dissolve(92)])).map((r) => r.status).sort();
    expect(statuses[0]).toBe(201);
    expect([409, 422]).toContain(statuses[1]);
    const { events } = (await t.request('GET', '/units/so-mt-x/history')).body;
    expect(events.map((e: { type: string }) => e.type)).toEqual(['UnitEstablished', 'UnitDissolved']);
  });
});

describe('published counts and their reconciliation with the registry', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp('memory')));
  afterEach(() => t.close());

  // Decision 999-QĐ/TU of the provincial Party committee (report 001_c87b492124e090e9.txt); its signing date is not
  // in the report, the dates here are illustrative.
  const TU_999 = ref('999-QĐ/TU', '2018-06-01', 'Tỉnh ủy Bình Phước');
  const published = (scope: Record<string, string>, countBefore: number, countAfter: number) => ({
    decision: TU_999,
    effectiveDate: '2020-10-01',
    source: '001_c87b492124e090e9.txt',
    ...scope,
    countBefore,
    countAfter,
  });

  it('records the counts published for Bình Phước under 999-QĐ/TU and reports them back', async () => {
    const provincial = await ok(t, '/reorganisations/summaries', published({ level: 'province' }, 214, 124));
    expect(provincial).toMatchObject({ streamId: 'reorganisation-999-QĐ/TU@2018-06-01', level: 'province', countBefore: 214, countAfter: 124, replayed: false });
    await ok(t, '/reorganisations/summaries', published({ level: 'district' }, 138, 126));
    await ok(t, '/reorganisations/summaries', published({ category: 'public_service_unit' }, 587, 497));

    const again = await t.request('POST', '/reorganisations/summaries', published({ level: 'province' }, 214, 120));
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('SUMMARY.ALREADY_RECORDED');

    const { items } = (await t.request('GET', `/reorganisations/reconciliation?decision=${encodeURIComponent('999-QĐ/TU')}`)).body;
    expect(items.map((i: { level?: string; category?: string; published: object }) => [i.level ?? i.category, i.published])).toEqual([
      ['province', { before: 214, after: 124, change: -90 }],
      ['district', { before: 138, after: 126, change: -12 }],
      ['public_service_unit', { before: 587, after: 497, change: -90 }],
    ]);
    // The registry holds none of this detail: the differences say so, in full.
    expect(items[0]).toMatchObject({
      decision: TU_999,
      effectiveDate: '2020-10-01',
      source: '001_c87b492124e090e9.txt',
      registry: { beforeAsOf: '2018-05-31', before: 0, afterAsOf: '2020-10-01', after: 0, changeUnderDecision: 0 },
      difference: { before: -214, after: -124, change: 90 },
      reconciled: false,
    });
    expect(items[0]).not.toHaveProperty('countBefore');
    expect((await t.request('GET', '/reorganisations/reconciliation?decision=1/QĐ-UBND')).body.items).toEqual([]);
  });

  it('reconciles published counts that the detailed registry changes produce, and measures those it does not', async () => {
    for (const id of ['tp', 'nv', 'vhtt']) await ok(t, '/units', unit(`dx-${id}`, `Phòng ${id} huyện Đồng Xoài`, 'district', 'office'));
    const decision = ref('45/QĐ-UBND', '2019-05-01');
    await ok(t, '/reorganisations/merges', { decision, effectiveDate: '2019-06-01', units: [{ unitId: 'dx-vhtt' }], into: { unitId: 'dx-nv' } });
    await ok(t, '/reorganisations/summaries', { decision, effectiveDate: '2019-06-01', level: 'district', countBefore: 3, countAfter: 2 });
    await ok(t, '/reorganisations/summaries', { decision, effectiveDate: '2019-06-01', category: 'office', countBefore: 3, countAfter: 1 });

    const { items } = (await t.request('GET', '/reorganisations/reconciliation')).body;
    expect(items[0]).toMatchObject({
      level: 'district',
      registry: { before: 3, after: 2, change: -1, changeUnderDecision: -1 },
      difference: { before: 0, after: 0, change: 0 },
      reconciled: true,
    });
    expect(items[1]).toMatchObject({ category: 'office', difference: { before: 0, after: 1, change: 1 }, reconciled: false });
    expect(ESTABLISHING.date < decision.date).toBe(true);
  });
});

describe('organisation routes in the OpenAPI document', () => {
  it('documents every route and the unit vocabularies', async () => {
    const t = await startTestApp();
    const document = (await t.request('GET', '/docs-json')).body;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/units',
        '/units/counts',
        '/units/{id}',
        '/units/{id}/history',
        '/units/{id}/lineage',
        '/units/{id}/renames',
        '/reorganisations/merges',
        '/reorganisations/splits',
        '/reorganisations/dissolutions',
        '/reorganisations/transfers',
        '/reorganisations/level-abolitions',
        '/reorganisations/summaries',
        '/reorganisations/reconciliation',
      ]),
    );
    expect(document.components.schemas.EstablishUnitRequest.properties.category.enum).toEqual(['province', 'agency', 'sub_agency', 'office', 'public_service_unit', 'one_stop_desk']);
    expect(document.components.schemas.EstablishUnitRequest.required).toEqual(expect.arrayContaining(['unitId', 'name', 'level', 'category', 'decision']));
    expect(document.components.schemas.ProcedureView.properties.orphaned).toBeDefined();
    await t.close();
  });
});
