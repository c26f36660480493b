import { RecordedEvent } from '../src/core/event-envelope';
import { procedure } from '../test/support/fixtures';
import { ProcedureCuts, processingTimeCutsProjection } from './processing-time-cuts.projection';

const attributes = { ...procedure(), interLevel: false };

let position = 0;
const event = (type: string, data: Record<string, unknown>, effectiveDate = '2022-01-01'): RecordedEvent => ({
  id: `e-${++position}`,
  type,
  schemaVersion: 1,
  streamId: 'procedure-1.000046',
  revision: position - 1,
  position,
  recordedAt: '2022-01-01T00:00:00.000Z',
  data: { code: '1.000046', ...data },
  metadata: { actor: 'so-noi-vu', correlationId: 'c-1', effectiveDate, decision: { number: `${position}/QĐ-UBND`, date: effectiveDate, issuer: 'UBND tỉnh' } },
});

const fold = (events: RecordedEvent[]): ProcedureCuts | undefined =>
  events.reduce<ProcedureCuts | undefined>((doc, e) => processingTimeCutsProjection.evolve(doc, e), undefined);

describe('processing-time cuts projection', () => {
  it('files each cut under the level, field and agency the procedure had when it was cut', () => {
    const doc = fold([
      event('ProcedureOpened', attributes),
      event('ProcessingTimeCut', { fromDays: 15, toDays: 12 }, '2022-03-01'),
      event('ProcedureAgencyChanged', { agency: 'Sở Nội vụ', previousAgency: 'Sở Xây dựng', reason: 'unit_merged' }),
      event('ProcessingTimeCut', { fromDays: 12, toDays: 10 }, '2022-05-01'),
      event('ProcedureLevelChanged', { level: 'district', previousLevel: 'province', reason: 'level_abolished' }),
      event('ProcedureAmended', { ...attributes, level: 'commune', field: 'Tư pháp', agency: 'UBND xã', announcedDays: 10 }),
      event('ProcessingTimeCut', { fromDays: 10, toDays: 8 }, '2022-09-01'),
      event('ProcedureAbolished', {}),
    ]);
    expect(doc!.cuts.map((c) => [c.effectiveDate, c.fromDays, c.toDays, c.level, c.field, c.agency])).toEqual([
      ['2022-03-01', 15, 12, 'province', 'Xây dựng', 'Sở Xây dựng'],
      ['2022-05-01', 12, 10, 'province', 'Xây dựng', 'Sở Nội vụ'],
      ['2022-09-01', 10, 8, 'commune', 'Tư pháp', 'UBND xã'],
    ]);
    expect(doc!.cuts[0]).toMatchObject({ position: 2, decision: { number: '2/QĐ-UBND' } });
    expect(doc!.filing).toEqual({ level: 'commune', field: 'Tư pháp', agency: 'UBND xã' });
  });

  it('keeps no document for a procedure never recorded, whatever comes for it', () => {
    expect(fold([event('ProcessingTimeCut', { fromDays: 15, toDays: 12 }), event('ProcedureAgencyChanged', { agency: 'Sở Nội vụ' })])).toBeUndefined();
  });

  it('keeps the filing, not the whole procedure', () => {
    const doc = fold([event('ProcedureOpened', attributes), event('ProcessingTimeCut', { fromDays: 15, toDays: 12 })]);
    expect(Object.keys(doc!).sort()).toEqual(['cuts', 'filing']);
    expect(doc!.filing).toEqual({ level: 'province', field: 'Xây dựng', agency: 'Sở Xây dựng' });
  });
});
