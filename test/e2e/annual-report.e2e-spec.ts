import { createHash } from 'node:crypto';
import { SqliteReadStore } from '../../src/core/projection/read-store';
import { rebuildProjections } from '../../src/core/projection/rebuild';
import { ALL_PROJECTIONS } from '../../projections';
import { reportText, startSeededApp } from '../support/seeded-app';
import { TestApp } from '../support/test-app';

const S0 = '000_f6667ee2e4f2cdb8.txt';
const S1 = '001_c87b492124e090e9.txt';
const S2 = '002_90c0e404548d7a3f.txt';
const S3 = '003_defbe2f292ec2941.txt';
const S4 = '004_612b6d1f112d1d84.txt';
const YEARS = [2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023, 2024];

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('the annual reports of the seeded ledger', () => {
  let t: TestApp;
  const reports = new Map<number, Json>();
  beforeAll(async () => {
    t = await startSeededApp('memory');
    for (const year of YEARS) reports.set(year, JSON.parse(await reportText(t, year, 'json')));
  });
  afterAll(() => t.close());

  const lines = (year: number, section: string) => reports.get(year)[section] as Json[];
  const figuresOf = (year: number, section: string, match: (r: Json) => boolean) => lines(year, section).map((l) => l.report ?? l).find(match);

  it('reproduce the processing-time cut of the term: 27,843.5 → 19,341.5 days, 8,502 days, 30.54% as published beside the ledger’s 30.535%', () => {
    const [published] = reports.get(2023).processingTimes.published;
    expect(published.report).toMatchObject({ source: S0, effectiveDate: '2023-06-30', figures: { statutoryDays: 27843.5, announcedDays: 19341.5, daysCut: 8502, percentCut: 30.54 } });
    expect(published.computed).toMatchObject({ beforeDays: 27843.5, afterDays: 19341.5, daysCut: 8502, percentCut: 30.535 });
  });

  it('reproduce the on-time rates of Bình Thuận in 2024 from the counts: 99.84%, 98.12%, 98.25%', () => {
    const rates = lines(2024, 'dossiers').map((l) => [l.report.level, l.onTimeRate, l.report.figures.onTimePercent, l.report.source]);
    expect(rates).toEqual([
      ['province', 99.84, 99.84, S4],
      ['district', 98.12, 98.12, S4],
      ['commune', 98.25, 98.25, S4],
    ]);
  });

  it('reproduce the reorganisation under 999-QĐ/TU: 214 → 124 provincial units, 138 → 126 district units, 587 → 497 public service units', () => {
    const published = reports.get(2020).organisation.published.map((p: Json) => [p.level ?? p.category, p.before, p.after, p.source]);
    expect(published).toEqual(
      expect.arrayContaining([
        ['province', 214, 124, S1],
        ['district', 138, 126, S1],
        ['public_service_unit', 587, 497, S1],
      ]),
    );
    expect(reports.get(2019).organisation.published).toEqual([]);
  });

  it('reproduce the catalogue of H1 2022 (1,784 = 1,446 + 244 + 94) and the dossiers of each level, late shares as published', () => {
    const [catalogue] = reports.get(2022).procedures.published;
    expect(catalogue.figures).toMatchObject({ procedures: 1784, byLevel: { province: 1446, district: 244, commune: 94 }, interLevel: 53, announcements: { decisions: 9, amended: 482, abolished: 36, replaced: 1 } });
    const h1 = lines(2022, 'dossiers').filter((l) => l.report.source === S2);
    expect(h1.map((l) => [l.report.level, l.received, l.report.figures.resolved, l.report.figures.latePercent, l.report.figures.pending])).toEqual([
      ['province', 226593, 183636, 4.44, 42950],
      ['district', 27734, 19811, 8.57, 7907],
      ['commune', 88991, 88478, 1.04, 513],
    ]);
    expect(lines(2022, 'dossiers').find((l) => l.report.source === S0).report.figures).toEqual({ onTimePercent: 98.89 });
  });

  it('reproduce online services, index scores, the campaign, payments and savings with their sources', () => {
    expect(figuresOf(2022, 'onlineServices', (r) => r.source === S2).figures).toMatchObject({ servicesTotal: 1784, onlineTotal: 1651, onlinePercent: 92.54, connectedToPortal: 1437 });
    expect(figuresOf(2023, 'onlineServices', (r) => r.figures.connectedToPortal === 1468).figures).toMatchObject({ fullyOnline: 1076, partlyOnline: 392 });
    expect(figuresOf(2024, 'onlineServices', (r) => r.source === S4).figures).toEqual({ onlineTotal: 881, connectedToPortal: 706, connectedPercent: 80, digitisationPercent: 73.8 });
    const par2022 = lines(2022, 'indices').filter((l) => l.report.figures.index === 'PAR_INDEX' && l.report.figures.score !== undefined);
    expect(par2022.map((l) => [l.report.level, l.report.figures.score, l.report.figures.statedChange, l.change])).toEqual([
      ['province', 92.51, 3.71, 3.7],
      ['district', 92.47, 6.54, 6.54],
    ]);
    expect(lines(2024, 'indices').map((l) => [l.report.figures.score, l.report.figures.rank, l.change ?? null])).toEqual([
      [62.85, { rank: 53, of: 63 }, null],
      [81.61, { rank: 29, of: 63 }, 18.76],
    ]);
    expect(lines(2016, 'indices')[0].report.figures.ratings).toEqual({ ofUnits: 30, good: 1, fair: 14 });
    const [campaign] = reports.get(2022).campaigns;
    expect(campaign.targets.map((x: Json) => [x.key, x.value, x.result ?? null, x.met ?? null])).toEqual([
      ['services_with_dossiers', 80, null, null],
      ['online_processing', 50, 96.9, true],
      ['digitisation', 100, null, null],
      ['online_reports', 50, null, null],
      ['overdue_rate', 0, 0.5, false],
    ]);
    expect(reports.get(2023).payments[0].figures).toMatchObject({ transactions: 128216, amountBillionVnd: 750.6 });
    expect(reports.get(2022).savings[0]).toMatchObject({ source: S3, figures: { amountBillionVnd: 77.7 } });
  });

  it('list exactly the six inconsistencies of the sources, each with its report, and the double-rounded 30.54% apart', () => {
    const all = YEARS.flatMap((year) => reports.get(year).findings.map((f: Json) => ({ year, ...f })));
    const discrepancies = all.filter((f) => f.severity === 'discrepancy').map((f) => [f.year, f.check, f.stated, f.computed, f.report.source]);
    expect(discrepancies).toEqual([
      [2022, 'DOSSIERS.RECEIVED_NOT_ACCOUNTED_FOR', 226593, 226586, S2],
      [2022, 'DOSSIERS.RECEIVED_NOT_ACCOUNTED_FOR', 27734, 27718, S2],
      [2022, 'ONLINE.SAME_COUNT_OTHER_SHARE', 92.54, 87.5, S2],
      [2022, 'AMOUNTS.AMOUNT_PARTS', 77.7, 76.6, S3],
      [2022, 'INDEX.STATED_CHANGE', 3.71, 3.7, S0],
      [2023, 'ONLINE.CONNECTED_COUNT_FELL', 1468, 1476, S0],
    ]);
    expect(all.filter((f) => f.severity === 'rounding').map((f) => [f.year, f.check, f.stated, f.computed])).toEqual([[2023, 'PROCESSING.PERCENT_CUT', 30.54, 30.534954]]);
    expect(all.find((f) => f.check === 'ONLINE.SAME_COUNT_OTHER_SHARE').against).toMatchObject({ source: S3 });
  });

  it('show the figures in Vietnamese in Markdown and HTML, and plainly in CSV', async () => {
    const md2023 = await reportText(t, 2023, 'md');
    expect(md2023).toContain('| Bình Phước | Từ đầu nhiệm kỳ 2020–2025 đến giữa năm 2023 | 27.843,5 | 19.341,5 | 8.502 | 30,54% | 30,535% | 000_f6667ee2e4f2cdb8.txt |');
    const html2024 = await reportText(t, 2024, 'html');
    expect(html2024).toMatch(/^<!DOCTYPE html>\n<html lang="vi">/);
    expect(html2024).toContain('Tỷ lệ đúng hạn');
    expect(html2024).toContain('99,84%');
    expect(html2024).not.toMatch(/<script|<link|src=/);
    const csv2023 = await reportText(t, 2023, 'csv');
    expect(csv2023.split('\n')[0]).toBe('section,table,row,row_label,column,value');
    expect(csv2023).toContain('thoi-gian-giai-quyet,thoi-gian-cong-bo,1,Bình Phước,Thời gian quy định (ngày),27843.5');
    expect(csv2023).toContain('thoi-gian-giai-quyet,thoi-gian-cong-bo,1,Bình Phước,Tỷ lệ cắt giảm (sổ tính lại),30.535');
  });

  it('narrow the statistics to one reporting unit', async () => {
    const thuan = JSON.parse(await reportText(t, 2024, 'json', `&unit=${encodeURIComponent('bình thuận')}`));
    expect(thuan.unit).toBe('bình thuận');
    expect(thuan.dossiers).toHaveLength(3);
    expect(JSON.parse(await reportText(t, 2024, 'json', `&unit=${encodeURIComponent('Bình Phước')}`)).dossiers).toEqual([]);
  });

  it('stand on a basis an inspector can recompute from the audit trail: the ids of the events effective by the year’s end', async () => {
    const ids: string[] = [];
    let cursor = '';
    do {
      const page = await t.request('GET', `/audit?effectiveTo=2022-12-31&limit=10${cursor && `&cursor=${cursor}`}`);
      ids.push(...page.body.items.map((item: Json) => item.eventId));
      cursor = page.body.nextCursor ?? '';
    } while (cursor);
    expect(ids.length).toBeGreaterThan(20);
    expect(reports.get(2022).basis).toMatchObject({ eventsConsidered: ids.length, digest: createHash('sha256').update(ids.join('\n')).digest('hex') });
  });

  it('answer 400 naming the field for a year out of range or an unknown format', async () => {
    const year = await t.request('GET', '/reports/annual/1800');
    expect(year.status).toBe(400);
    expect(year.body.details).toContainEqual(expect.objectContaining({ field: 'year', rule: 'min' }));
    const format = await t.request('GET', '/reports/annual/2022?format=pdf');
    expect(format.status).toBe(400);
    expect(format.body.details).toContainEqual(expect.objectContaining({ field: 'format', rule: 'isIn' }));
    expect((await t.request('GET', '/reports/annual/2022?format=html')).headers['content-type']).toBe('text/html; charset=utf-8');
  });
});

describe('the annual report is deterministic', () => {
  const FORMATS = ['json', 'md', 'html', 'csv'];

  it('gives the same bytes twice, after a rebuild of the read models, and from another ledger seeded alike', async () => {
    const a = await startSeededApp('sqlite');
    const b = await startSeededApp('memory');
    try {
      for (const year of [2020, 2022, 2023, 2024]) {
        for (const format of FORMATS) {
          const first = await reportText(a, year, format);
          expect(await reportText(a, year, format)).toBe(first);
          expect(await reportText(b, year, format)).toBe(first);
        }
      }
      const before = await Promise.all(FORMATS.map((format) => reportText(a, 2022, format)));
      await rebuildProjections(a.store, a.app.get(SqliteReadStore), ALL_PROJECTIONS);
      expect(await Promise.all(FORMATS.map((format) => reportText(a, 2022, format)))).toEqual(before);
    } finally {
      await a.close();
      await b.close();
    }
  });
});
