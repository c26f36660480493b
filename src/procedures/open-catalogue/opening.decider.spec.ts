import { ProcedureAttributes } from '../procedure';
import { Procedure } from '../procedure.state';
import { decideOpening } from './opening.decider';

const attributes: ProcedureAttributes = {
  name: 'Cấp phiếu lý lịch tư pháp',
  level: 'province',
  field: 'Lý lịch tư pháp',
  agency: 'Sở Tư pháp',
  statutoryDays: 10,
  announcedDays: 7,
  onlineLevel: 'fully',
  connectedToNationalPortal: true,
  interLevel: false,
};

describe('opening the catalogue', () => {
  it('opens one stream per procedure, as of the given date', () => {
    const result = decideOpening({ asOf: '2021-12-31', entries: [{ code: '1.001', attributes }, { code: '1.002', attributes }] }, new Map());
    expect(result).toEqual([
      { streamId: 'procedure-1.001', events: [{ type: 'ProcedureOpened', data: { code: '1.001', ...attributes } }] },
      { streamId: 'procedure-1.002', events: [{ type: 'ProcedureOpened', data: { code: '1.002', ...attributes } }] },
    ]);
  });

  it('refuses the whole catalogue when one procedure already has history, naming its entry', () => {
    const existing: Procedure = { code: '1.002', status: 'in_force', attributes, origin: 'announced', since: '2021-01-01', lastEffectiveDate: '2021-01-01' };
    expect(() =>
      decideOpening({ asOf: '2021-12-31', entries: [{ code: '1.001', attributes }, { code: '1.002', attributes }] }, new Map([['1.002', existing]])),
    ).toThrow(expect.objectContaining({ code: 'PROCEDURE.ALREADY_RECORDED', details: [expect.objectContaining({ field: 'procedures[1].code' })] }));
  });

  it('refuses a code listed twice', () =>
    expect(() => decideOpening({ asOf: '2021-12-31', entries: [{ code: '1.001', attributes }, { code: '1.001', attributes }] }, new Map())).toThrow(
      expect.objectContaining({ code: 'BATCH.DUPLICATE_CODE', details: [expect.objectContaining({ field: 'procedures[1].code' })] }),
    ));
});
