import { startTestApp, TestApp } from '../support/test-app';

const S2 = '002_90c0e404548d7a3f.txt';
const h1 = { label: '6 tháng đầu năm 2022', from: '2022-01-01', to: '2022-06-18' };
const provinceDossiers = (overrides: Record<string, unknown> = {}) => ({
  unit: 'Bình Phước',
  level: 'province',
  period: h1,
  source: S2,
  figures: { received: 226593, receivedNew: 204655, carriedOver: 21938, resolved: 183636, resolvedLate: 8148, latePercent: 4.44, pending: 42950, pendingOverdue: 1 },
  ...overrides,
});

describe('statistics over HTTP', () => {
  let t: TestApp;
  beforeEach(async () => (t = await startTestApp('memory')));
  afterEach(() => t.close());

  const eventCount = async () => (await t.request('GET', '/ledger/stats')).body.eventCount;

  it('records a report as stated, with the figures that do not add up, and lists it with its findings', async () => {
    const recorded = await t.request('POST', '/statistics/dossiers', provinceDossiers(), { 'X-Actor': 'so-noi-vu' });
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({
      streamId: 'statistics-dossiers:bình phước:province',
      kind: 'dossiers',
      effectiveDate: '2022-06-18',
      source: S2,
      actor: 'so-noi-vu',
      figures: provinceDossiers().figures,
      replayed: false,
    });
    expect(recorded.body.findings).toEqual([
      expect.objectContaining({ check: 'DOSSIERS.RECEIVED_NOT_ACCOUNTED_FOR', severity: 'discrepancy', field: 'received', stated: 226593, computed: 226586, difference: 7 }),
    ]);

    const listed = await t.request('GET', '/statistics/reports?year=2022&kind=dossiers&unit=b%C3%ACnh%20ph%C6%B0%E1%BB%9Bc');
    expect(listed.body.items).toHaveLength(1);
    expect((await t.request('GET', '/statistics/reports?year=2021')).body.items).toEqual([]);
    const findings = (await t.request('GET', '/statistics/findings?year=2022')).body;
    expect(findings).toMatchObject({ discrepancies: 1, roundings: 0, items: [{ check: 'DOSSIERS.RECEIVED_NOT_ACCOUNTED_FOR', report: { kind: 'dossiers', level: 'province', source: S2 } }] });
  });

  it('answers a retry with its first result and writes nothing; refuses the key on another request', async () => {
    const first = await t.request('POST', '/statistics/dossiers', provinceDossiers(), { 'Idempotency-Key': 'bp-h1-2022-tinh' });
    const count = await eventCount();
    const again = await t.request('POST', '/statistics/dossiers', provinceDossiers(), { 'Idempotency-Key': 'bp-h1-2022-tinh' });
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect({ ...again.body, replayed: false }).toEqual(first.body);
    expect(await eventCount()).toBe(count);
    const other = await t.request('POST', '/statistics/dossiers', provinceDossiers({ level: 'district' }), { 'Idempotency-Key': 'bp-h1-2022-tinh' });
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('IDEMPOTENCY.KEY_REUSED');
  });

  it('refuses the same period from the same source twice with 409', async () => {
    await t.request('POST', '/statistics/dossiers', provinceDossiers());
    const twice = await t.request('POST', '/statistics/dossiers', provinceDossiers());
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('REPORT.ALREADY_RECORDED');
  });

  it.each([
    ['a negative count', { figures: { received: -1 } }, 'figures.received', 'min'],
    ['a fractional count', { figures: { received: 2.5 } }, 'figures.received', 'isInt'],
    ['a percentage over 100', { figures: { latePercent: 104.4 } }, 'figures.latePercent', 'max'],
    ['a figure the kind does not have', { figures: { score: 3 } }, 'figures.score', 'whitelistValidation'],
    ['no source', { source: undefined }, 'source', 'isDefined'],
    ['a period without its end', { period: { label: 'H1' } }, 'period.to', 'isDefined'],
    ['a date with a thirteenth month', { effectiveDate: '2022-13-01' }, 'effectiveDate', 'isIsoDate'],
    ['an unknown level', { level: 'hamlet' }, 'level', 'isIn'],
  ])('refuses %s with 400 naming the field and the rule, writing nothing', async (_what, overrides, field, rule) => {
    const refused = await t.request('POST', '/statistics/dossiers', provinceDossiers(overrides));
    expect(refused.status).toBe(400);
    expect(refused.body.details).toContainEqual(expect.objectContaining({ field, rule }));
    expect(await eventCount()).toBe(0);
  });

  it.each([
    ['a period that ends before it starts', { period: { label: 'x', from: '2022-07-01', to: '2022-06-30' } }, 'REPORT.PERIOD_REVERSED', 'period.from'],
    ['figures standing before their period ends', { effectiveDate: '2022-06-01' }, 'REPORT.EFFECTIVE_BEFORE_PERIOD_END', 'effectiveDate'],
    ['no figures at all', { figures: {} }, 'REPORT.NO_FIGURES', 'figures'],
  ])('refuses %s with 422 naming the field, writing nothing', async (_what, overrides, code, field) => {
    const refused = await t.request('POST', '/statistics/dossiers', provinceDossiers(overrides));
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ code, details: [expect.objectContaining({ field })] });
    expect(await eventCount()).toBe(0);
  });

  it('checks an index score against the score recorded for the previous year', async () => {
    const index = (year: number, figures: object) => ({ unit: 'Bình Phước', level: 'province', period: { label: `Năm ${year}`, from: `${year}-01-01`, to: `${year}-12-31` }, source: '000_f6667ee2e4f2cdb8.txt', figures });
    await t.request('POST', '/statistics/index-scores', index(2021, { index: 'PAR_INDEX', score: 88.81 }));
    const y2022 = await t.request('POST', '/statistics/index-scores', index(2022, { index: 'PAR_INDEX', score: 92.51, statedChange: 3.71 }));
    expect(y2022.body.streamId).toBe('statistics-index-scores:bình phước:province:par_index');
    expect(y2022.body.findings).toEqual([expect.objectContaining({ check: 'INDEX.STATED_CHANGE', stated: 3.71, computed: 3.7, against: expect.objectContaining({ period: 'Năm 2021' }) })]);
  });

  it('documents the statistics, campaign and report routes in OpenAPI', async () => {
    const document = (await t.request('GET', '/docs-json')).body;
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/statistics/dossiers', '/statistics/index-scores', '/statistics/findings', '/campaigns/{campaignId}/results', '/reports/annual/{year}']),
    );
    expect(document.components.schemas.IndexScoreFiguresDto.properties.index.enum).toEqual(['PAR_INDEX', 'SIPAS', 'PAPI', 'SERVICE_INDEX_766']);
  });

  describe('campaigns', () => {
    const launch = {
      campaignId: 'chien-dich-92-ngay-dem-2022',
      name: 'Chiến dịch cao điểm 92 ngày đêm',
      unit: 'Bình Phước',
      plan: { number: '170/KH-UBND', date: '2022-06-01', issuer: 'UBND tỉnh Bình Phước' },
      period: { from: '2022-06-01', to: '2022-08-31' },
      deadline: '2022-09-02',
      source: S2,
      targets: [
        { key: 'online_processing', label: 'Tỷ lệ hồ sơ TTHC xử lý trực tuyến đạt 50%', value: 50, comparison: 'at_least', unit: 'percent' },
        { key: 'overdue_rate', label: '100% hồ sơ được giải quyết đúng hạn', value: 0, comparison: 'at_most', unit: 'percent' },
        { key: 'digitisation', label: 'Tỷ lệ số hóa hồ sơ đạt 100%', value: 100, comparison: 'at_least', unit: 'percent' },
      ],
    };
    const results = { asOf: '2022-07-29', label: '01/6–29/7/2022', source: '003_defbe2f292ec2941.txt', results: [
      { key: 'online_processing', value: 96.9, baseline: 21.6, breakdown: [{ label: 'Cấp tỉnh', baseline: 82.89, value: 99.93 }] },
      { key: 'overdue_rate', value: 0.5, baseline: 2.9 },
    ] };

    it('records a campaign and its results, and judges each target', async () => {
      expect((await t.request('POST', '/campaigns', launch)).status).toBe(201);
      const reported = await t.request('POST', `/campaigns/${launch.campaignId}/results`, results, { 'Idempotency-Key': 'kq-92-ngay' });
      expect(reported.status).toBe(201);
      expect(reported.body).toMatchObject({ streamId: 'campaign-chien-dich-92-ngay-dem-2022', type: 'CampaignResultsReported', effectiveDate: '2022-07-29' });
      const campaign = (await t.request('GET', `/campaigns/${launch.campaignId}`)).body;
      expect(campaign.targets.map((x: { key: string; result?: number; met?: boolean }) => [x.key, x.result, x.met])).toEqual([
        ['online_processing', 96.9, true],
        ['overdue_rate', 0.5, false],
        ['digitisation', undefined, undefined],
      ]);
      expect((await t.request('GET', `/campaigns/${launch.campaignId}?asOf=2022-07-01`)).body.targets[0]).not.toHaveProperty('result');
      expect((await t.request('GET', '/campaigns?asOf=2022-05-01')).body.items).toEqual([]);
      expect((await t.request('GET', `/campaigns/${launch.campaignId}?asOf=2022-05-01`)).status).toBe(404);
    });

    it('refuses results for a target the campaign does not have, or for an unknown campaign', async () => {
      await t.request('POST', '/campaigns', launch);
      const unknownTarget = await t.request('POST', `/campaigns/${launch.campaignId}/results`, { ...results, results: [{ key: 'online_reports', value: 60 }] });
      expect(unknownTarget.status).toBe(422);
      expect(unknownTarget.body).toMatchObject({ code: 'CAMPAIGN.UNKNOWN_TARGET', details: [expect.objectContaining({ field: 'results[0].key' })] });
      expect((await t.request('POST', '/campaigns/khong-co/results', results)).status).toBe(404);
      const bad = await t.request('POST', '/campaigns', { ...launch, targets: [{ ...launch.targets[0], comparison: 'about' }] });
      expect(bad.status).toBe(400);
      expect(bad.body.details).toContainEqual(expect.objectContaining({ field: 'targets[0].comparison', rule: 'isIn' }));
    });
  });
});
