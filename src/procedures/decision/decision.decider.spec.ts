import { ProcedureAttributes } from '../procedure';
import { Procedure, ProcedureState } from '../procedure.state';
import { DecisionItem, RecordDecision } from './decision';
import { decideDecision, DecisionState } from './decision.decider';

const attributes: ProcedureAttributes = {
  name: 'Đăng ký kinh doanh hộ cá thể',
  level: 'district',
  field: 'Thành lập và hoạt động doanh nghiệp',
  agency: 'UBND cấp huyện',
  statutoryDays: 3,
  announcedDays: 2.5,
  onlineLevel: 'fully',
  connectedToNationalPortal: true,
  interLevel: false,
};
const inForce = (code: string): Procedure => ({
  code,
  status: 'in_force',
  attributes,
  origin: 'opening',
  since: '2021-12-31',
  lastEffectiveDate: '2021-12-31',
});
const decision = { number: '1234/QĐ-UBND', date: '2022-06-01', issuer: 'UBND tỉnh Bình Phước' };
const command = (items: DecisionItem[], effectiveDate = '2022-06-15'): RecordDecision => ({ decision, effectiveDate, items });
const state = (procedures: Record<string, ProcedureState> = {}, alreadyRecorded = false): DecisionState => ({
  alreadyRecorded,
  procedures: new Map(Object.entries(procedures)),
});

const thrownBy = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the decision to be refused');
};

describe('decision decider', () => {
  it('records the decision first, then one change per procedure stream, for every kind of item', () => {
    const items: DecisionItem[] = [
      { kind: 'new', code: '2.000001', attributes },
      { kind: 'amended', code: '2.000002', attributes: { ...attributes, announcedDays: 2 } },
      { kind: 'replaced', code: '2.000004', replacesCode: '2.000003', attributes },
      { kind: 'abolished', code: '2.000005' },
    ];
    const result = decideDecision(
      command(items),
      state({ '2.000002': inForce('2.000002'), '2.000003': inForce('2.000003'), '2.000005': inForce('2.000005') }),
    );
    expect(result.map((r) => [r.streamId, r.events.map((e) => e.type)])).toEqual([
      ['decision-1234/QĐ-UBND@2022-06-01', ['DecisionRecorded']],
      ['procedure-2.000001', ['ProcedureAnnounced']],
      ['procedure-2.000002', ['ProcedureAmended']],
      ['procedure-2.000004', ['ProcedureAnnounced']],
      ['procedure-2.000003', ['ProcedureReplaced']],
      ['procedure-2.000005', ['ProcedureAbolished']],
    ]);
    expect(result[0].events[0].data).toEqual({
      ...decision,
      effectiveDate: '2022-06-15',
      items: [
        { kind: 'new', code: '2.000001' },
        { kind: 'amended', code: '2.000002' },
        { kind: 'replaced', code: '2.000004', replacesCode: '2.000003' },
        { kind: 'abolished', code: '2.000005' },
      ],
    });
    expect(result[3].events[0].data).toMatchObject({ code: '2.000004', replaces: '2.000003' });
  });

  it('is refused whole when one item of hundreds breaks a rule, naming that item', () => {
    const items: DecisionItem[] = Array.from({ length: 300 }, (_, i) => ({ kind: 'new', code: `1.${String(i).padStart(6, '0')}`, attributes }));
    items[217] = { kind: 'new', code: '1.000217', attributes: { ...attributes, announcedDays: 4 } };
    expect(thrownBy(() => decideDecision(command(items), state()))).toMatchObject({
      httpStatus: 422,
      code: 'PROCEDURE.ANNOUNCED_EXCEEDS_STATUTORY',
      details: [expect.objectContaining({ field: 'items[217].announcedDays' })],
      messageVi: expect.stringContaining('mục 218'),
    });
  });

  it('names replacesCode when the replaced procedure is not in force', () => {
    const error = thrownBy(() => decideDecision(command([{ kind: 'replaced', code: '2.000004', replacesCode: '2.000003', attributes }]), state()));
    expect(error).toMatchObject({ code: 'PROCEDURE.UNKNOWN', details: [expect.objectContaining({ field: 'items[0].replacesCode' })] });
  });

  it('refuses amending or abolishing a procedure already abolished', () => {
    const gone: Procedure = { ...inForce('2.000002'), status: 'abolished' };
    for (const item of [{ kind: 'amended', code: '2.000002', attributes }, { kind: 'abolished', code: '2.000002' }] as DecisionItem[]) {
      expect(thrownBy(() => decideDecision(command([item]), state({ '2.000002': gone })))).toMatchObject({ code: 'PROCEDURE.NOT_IN_FORCE' });
    }
  });

  it('refuses a code that appears twice, as code or as replacesCode', () => {
    const twice = thrownBy(() =>
      decideDecision(command([{ kind: 'abolished', code: '2.000002' }, { kind: 'replaced', code: '2.000009', replacesCode: '2.000002', attributes }]), state()),
    );
    expect(twice).toMatchObject({ code: 'BATCH.DUPLICATE_CODE', details: [expect.objectContaining({ field: 'items[1].replacesCode' })] });
  });

  it('refuses a procedure replacing itself', () =>
    expect(thrownBy(() => decideDecision(command([{ kind: 'replaced', code: '2.1', replacesCode: '2.1', attributes }]), state()))).toMatchObject({
      code: 'DECISION.REPLACES_ITSELF',
    }));

  it('refuses an effective date before the signing date', () =>
    expect(thrownBy(() => decideDecision(command([{ kind: 'new', code: '2.1', attributes }], '2022-05-31'), state()))).toMatchObject({
      code: 'DECISION.EFFECTIVE_BEFORE_SIGNED',
      details: [expect.objectContaining({ field: 'effectiveDate' })],
    }));

  it('refuses a decision already recorded with a conflict', () =>
    expect(thrownBy(() => decideDecision(command([{ kind: 'new', code: '2.1', attributes }]), state({}, true)))).toMatchObject({
      httpStatus: 409,
      code: 'DECISION.ALREADY_RECORDED',
    }));
});
