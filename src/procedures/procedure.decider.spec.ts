import { deciderSpec } from '../../test/support/decider-spec';
import { ProcedureAttributes } from './procedure';
import { decideProcedure, ProcedureCommand } from './procedure.decider';
import { ProcedureEvent } from './procedure.events';
import { evolveProcedure, ProcedureFact, ProcedureState } from './procedure.state';

const code = '1.000046';
const attributes: ProcedureAttributes = {
  name: 'Cấp giấy phép xây dựng',
  level: 'province',
  field: 'Xây dựng',
  agency: 'Sở Xây dựng',
  statutoryDays: 20,
  announcedDays: 15,
  onlineLevel: 'partly',
  connectedToNationalPortal: true,
  interLevel: false,
};
const on = (effectiveDate: string, event: ProcedureEvent): ProcedureFact => ({ ...event, metadata: { effectiveDate } }) as ProcedureFact;
const announced = on('2022-01-10', { type: 'ProcedureAnnounced', data: { code, ...attributes } });
const abolished = on('2022-03-01', { type: 'ProcedureAbolished', data: { code } });

const spec = deciderSpec<ProcedureCommand, ProcedureFact, ProcedureState>({
  decide: decideProcedure,
  evolve: evolveProcedure,
  initialState: undefined,
});

describe('procedure decider', () => {
  describe('opening entries and announcements', () => {
    it('opens a procedure that has no history', () =>
      spec.given([]).when({ type: 'OpenProcedure', code, effectiveDate: '2021-12-31', attributes }).then([
        { type: 'ProcedureOpened', data: { code, ...attributes } },
      ]));

    it('refuses an opening entry for a procedure that already has history', () =>
      spec
        .given([announced])
        .when({ type: 'OpenProcedure', code, effectiveDate: '2021-12-31', attributes })
        .thenThrows({ code: 'PROCEDURE.ALREADY_RECORDED', httpStatus: 422 }));

    it('announces a new procedure and keeps its code as an opaque string', () =>
      spec
        .given([])
        .when({ type: 'AnnounceProcedure', code: '2.001234', effectiveDate: '2022-01-10', attributes: { ...attributes, statutoryDays: 27843.5, announcedDays: 19341.5 } })
        .then([{ type: 'ProcedureAnnounced', data: { code: '2.001234', ...attributes, statutoryDays: 27843.5, announcedDays: 19341.5 } }]));

    it('refuses announced days above the statutory days', () =>
      spec
        .given([])
        .when({ type: 'AnnounceProcedure', code, effectiveDate: '2022-01-10', attributes: { ...attributes, announcedDays: 20.5 } })
        .thenThrows({ code: 'PROCEDURE.ANNOUNCED_EXCEEDS_STATUTORY', details: [expect.objectContaining({ field: 'announcedDays' })] }));

    it('refuses announcing a code already recorded', () =>
      spec.given([announced]).when({ type: 'AnnounceProcedure', code, effectiveDate: '2022-02-01', attributes }).thenThrows({ code: 'PROCEDURE.ALREADY_RECORDED' }));
  });

  describe('amendments', () => {
    it('amends a procedure in force with the whole amended record', () =>
      spec
        .given([announced])
        .when({ type: 'AmendProcedure', code, effectiveDate: '2022-02-01', attributes: { ...attributes, onlineLevel: 'fully' } })
        .then([{ type: 'ProcedureAmended', data: { code, ...attributes, onlineLevel: 'fully' } }]));

    it('cannot amend an abolished procedure', () =>
      spec
        .given([announced, abolished])
        .when({ type: 'AmendProcedure', code, effectiveDate: '2022-04-01', attributes })
        .thenThrows({ code: 'PROCEDURE.NOT_IN_FORCE', httpStatus: 422 }));

    it('cannot amend a procedure never recorded', () =>
      spec.given([]).when({ type: 'AmendProcedure', code, effectiveDate: '2022-04-01', attributes }).thenThrows({ code: 'PROCEDURE.UNKNOWN' }));

    it('cannot take effect before the last recorded change', () =>
      spec
        .given([announced])
        .when({ type: 'AmendProcedure', code, effectiveDate: '2022-01-09', attributes })
        .thenThrows({ code: 'PROCEDURE.EFFECTIVE_DATE_OUT_OF_ORDER', details: [expect.objectContaining({ field: 'effectiveDate' })] }));

    it('cannot raise the announced days above the statutory days', () =>
      spec
        .given([announced])
        .when({ type: 'AmendProcedure', code, effectiveDate: '2022-02-01', attributes: { ...attributes, statutoryDays: 10 } })
        .thenThrows({ code: 'PROCEDURE.ANNOUNCED_EXCEEDS_STATUTORY' }));
  });

  describe('processing-time cuts', () => {
    const cut = (fromDays: number, toDays: number, effectiveDate = '2022-05-01'): ProcedureCommand => ({
      type: 'CutProcessingTime',
      code,
      effectiveDate,
      fromDays,
      toDays,
    });

    it('cuts the announced days, half days included', () =>
      spec.given([announced]).when(cut(15, 10.5)).then([{ type: 'ProcessingTimeCut', data: { code, fromDays: 15, toDays: 10.5 } }]));

    it('must lower the days', () => {
      spec.given([announced]).when(cut(15, 15)).thenThrows({ code: 'CUT.MUST_LOWER_DAYS', details: [expect.objectContaining({ field: 'toDays' })] });
      spec.given([announced]).when(cut(15, 16)).thenThrows({ code: 'CUT.MUST_LOWER_DAYS' });
    });

    it('must start from the days currently announced', () =>
      spec.given([announced]).when(cut(20, 10)).thenThrows({ code: 'CUT.FROM_DAYS_MISMATCH', details: [expect.objectContaining({ field: 'fromDays' })] }));

    it('starts the next cut from where the last one ended', () =>
      spec
        .given([announced, on('2022-05-01', { type: 'ProcessingTimeCut', data: { code, fromDays: 15, toDays: 12 } })])
        .when(cut(12, 8, '2022-06-01'))
        .then([{ type: 'ProcessingTimeCut', data: { code, fromDays: 12, toDays: 8 } }]));

    it('cannot cut an abolished procedure', () => spec.given([announced, abolished]).when(cut(15, 10)).thenThrows({ code: 'PROCEDURE.NOT_IN_FORCE' }));
  });

  describe('replacement and abolition', () => {
    it('marks the old procedure replaced, and then refuses changes to it', () => {
      spec.given([announced]).when({ type: 'ReplaceProcedure', code, effectiveDate: '2022-02-01', replacedBy: '1.009999' }).then([
        { type: 'ProcedureReplaced', data: { code, replacedBy: '1.009999' } },
      ]);
      const replaced = on('2022-02-01', { type: 'ProcedureReplaced', data: { code, replacedBy: '1.009999' } });
      spec.given([announced, replaced]).when({ type: 'AbolishProcedure', code, effectiveDate: '2022-03-01' }).thenThrows({
        code: 'PROCEDURE.NOT_IN_FORCE',
        message: expect.stringContaining('replaced by 1.009999'),
      });
    });

    it('abolishes once only', () => {
      spec.given([announced]).when({ type: 'AbolishProcedure', code, effectiveDate: '2022-03-01' }).then([{ type: 'ProcedureAbolished', data: { code } }]);
      spec.given([announced, abolished]).when({ type: 'AbolishProcedure', code, effectiveDate: '2022-03-02' }).thenThrows({ code: 'PROCEDURE.NOT_IN_FORCE' });
    });
  });

  describe('following the implementing unit through a reorganisation', () => {
    const move = (overrides: Partial<Extract<ProcedureCommand, { type: 'MoveProcedure' }>>): ProcedureCommand => ({
      type: 'MoveProcedure',
      code,
      effectiveDate: '2025-03-01',
      reason: 'unit_merged',
      ...overrides,
    });

    it('records the successor agency, naming the unit and the reason', () =>
      spec.given([announced]).when(move({ agency: 'Sở Nông nghiệp và Môi trường', unitId: 'so-nnmt' })).then([
        {
          type: 'ProcedureAgencyChanged',
          data: { code, agency: 'Sở Nông nghiệp và Môi trường', previousAgency: 'Sở Xây dựng', reason: 'unit_merged', unitId: 'so-nnmt' },
        },
      ]));

    it('records a level change before an agency change, and nothing that does not change', () => {
      spec.given([announced]).when(move({ level: 'commune', agency: 'UBND cấp xã', reason: 'level_abolished' })).then([
        { type: 'ProcedureLevelChanged', data: { code, level: 'commune', previousLevel: 'province', reason: 'level_abolished' } },
        { type: 'ProcedureAgencyChanged', data: { code, agency: 'UBND cấp xã', previousAgency: 'Sở Xây dựng', reason: 'level_abolished' } },
      ]);
      spec.given([announced]).when(move({ level: 'province', agency: 'Sở Xây dựng' })).then([]);
    });

    it('flags a procedure orphaned, keeping the agency that is gone', () =>
      spec.given([announced]).when({ type: 'OrphanProcedure', code, effectiveDate: '2025-05-01', reason: 'unit_dissolved', unitId: 'so-xd' }).then([
        { type: 'ProcedureOrphaned', data: { code, agency: 'Sở Xây dựng', level: 'province', reason: 'unit_dissolved', unitId: 'so-xd' } },
      ]));

    it('moves only procedures in force, and never before their last change', () => {
      spec.given([announced, abolished]).when(move({ agency: 'Sở mới' })).thenThrows({ code: 'PROCEDURE.NOT_IN_FORCE' });
      spec.given([announced]).when(move({ agency: 'Sở mới', effectiveDate: '2021-01-01' })).thenThrows({ code: 'PROCEDURE.EFFECTIVE_DATE_OUT_OF_ORDER' });
      spec
        .given([announced])
        .when({ type: 'OrphanProcedure', code, effectiveDate: '2021-01-01', reason: 'unit_dissolved' })
        .thenThrows({ code: 'PROCEDURE.EFFECTIVE_DATE_OUT_OF_ORDER' });
    });
  });

  it('gives every refusal a Vietnamese message too', () =>
    spec
      .given([announced, abolished])
      .when({ type: 'CutProcessingTime', code, effectiveDate: '2022-05-01', fromDays: 15, toDays: 10 })
      .thenThrows({ messageVi: expect.stringContaining('đã bị bãi bỏ') }));
});

describe('procedure state', () => {
  it('keeps an orphaned flag until a new agency or an amendment resolves it', () => {
    const orphaned = on('2025-05-01', { type: 'ProcedureOrphaned', data: { code, agency: 'Sở Xây dựng', level: 'province', reason: 'unit_dissolved', unitId: 'so-xd' } });
    const flagged = [announced, orphaned].reduce(evolveProcedure, undefined as ProcedureState);
    expect(flagged).toMatchObject({ status: 'in_force', orphaned: { reason: 'unit_dissolved', since: '2025-05-01', unitId: 'so-xd' } });

    const moved = on('2025-06-01', { type: 'ProcedureAgencyChanged', data: { code, agency: 'Sở mới', previousAgency: 'Sở Xây dựng', reason: 'unit_merged' } });
    const resolved = evolveProcedure(flagged, moved);
    expect(resolved).toMatchObject({ attributes: { agency: 'Sở mới' }, lastEffectiveDate: '2025-06-01' });
    expect(resolved).not.toHaveProperty('orphaned');

    const amended = on('2025-06-01', { type: 'ProcedureAmended', data: { code, ...attributes, agency: 'Sở khác' } });
    expect(evolveProcedure(flagged, amended)).not.toHaveProperty('orphaned');
    const relevelled = on('2025-07-01', { type: 'ProcedureLevelChanged', data: { code, level: 'commune', previousLevel: 'province', reason: 'level_abolished' } });
    expect(evolveProcedure(flagged, relevelled)).toMatchObject({ attributes: { level: 'commune' }, orphaned: { reason: 'unit_dissolved' } });
  });

  it('folds a history into the state in force, keeping where it came from', () => {
    const opened = { ...on('2021-12-31', { type: 'ProcedureOpened', data: { code, ...attributes } }), metadata: { effectiveDate: '2021-12-31', source: 'S2' } } as ProcedureFact;
    const decision = { number: '12/QĐ-UBND', date: '2022-04-20', issuer: 'UBND tỉnh' };
    const cut = { type: 'ProcessingTimeCut', data: { code, fromDays: 15, toDays: 9.5 }, metadata: { effectiveDate: '2022-05-01', decision } } as ProcedureFact;
    const state = [opened, cut].reduce(evolveProcedure, undefined as ProcedureState);
    expect(state).toEqual({
      code,
      status: 'in_force',
      attributes: { ...attributes, announcedDays: 9.5 },
      origin: 'opening',
      openingSource: 'S2',
      since: '2021-12-31',
      lastEffectiveDate: '2022-05-01',
      lastDecision: decision,
    });
  });
});
