import { ProcedureEvent } from '../procedures/procedure.events';
import { ProcedureFact } from '../procedures/procedure.state';
import { emptyOrganisation, evolveOrganisation } from './procedure-moves.decider';
import { decideReorganisation, decideSummary } from './reorganisation.decider';
import { UnitCommand } from './unit.commands';
import { UnitEvent } from './unit.events';
import { UnitFact } from './unit.state';

const on = (effectiveDate: string, event: UnitEvent | ProcedureEvent) => ({ ...event, metadata: { effectiveDate } }) as UnitFact | ProcedureFact;
const state = [
  on('2018-01-01', { type: 'UnitEstablished', data: { unitId: 'a', name: 'Phòng Tư pháp', level: 'district', category: 'office' } }),
  on('2018-01-01', { type: 'UnitEstablished', data: { unitId: 'b', name: 'Phòng Tư pháp', level: 'district', category: 'office' } }),
  on('2018-01-01', { type: 'UnitEstablished', data: { unitId: 'c', name: 'Phòng Nội vụ', level: 'district', category: 'office' } }),
  on('2021-12-31', {
    type: 'ProcedureOpened',
    data: { code: '2.001', name: 'Chứng thực', level: 'district', field: 'Chứng thực', agency: 'Phòng Nội vụ', statutoryDays: 1, announcedDays: 1, onlineLevel: 'none', connectedToNationalPortal: false, interLevel: false },
  }),
  on('2021-12-31', {
    type: 'ProcedureOpened',
    data: { code: '2.002', name: 'Hộ tịch', level: 'district', field: 'Hộ tịch', agency: 'Phòng Tư pháp', statutoryDays: 1, announcedDays: 1, onlineLevel: 'none', connectedToNationalPortal: false, interLevel: false },
  }),
].reduce(evolveOrganisation, emptyOrganisation);

const decision = { number: '7/QĐ-UBND', date: '2025-02-01', issuer: 'UBND huyện' };

describe('reorganisation decider', () => {
  it("writes the decision's record first, then the units, then the procedures that follow them, in one batch", () => {
    const command: UnitCommand = { type: 'MergeUnits', decision, effectiveDate: '2025-03-01', unitIds: ['a', 'c'], into: { unitId: 'b' } };
    const result = decideReorganisation(command, state);
    expect(result.map((part) => [part.streamId, part.events.map((e) => e.type)])).toEqual([
      ['reorganisation-7/QĐ-UBND@2025-02-01', ['ReorganisationRecorded']],
      ['unit-a', ['UnitMerged']],
      ['unit-c', ['UnitMerged']],
      ['unit-b', ['UnitsAbsorbed']],
      ['procedure-2.001', ['ProcedureAgencyChanged']],
    ]);
    // 2.002 names "Phòng Tư pháp", which both a and b are: it is reported, not moved.
    expect(result[0].events[0].data).toEqual({
      kind: 'merger',
      units: ['a', 'c', 'b'],
      procedures: [{ code: '2.001', effects: ['agency_changed'] }],
      ambiguous: ['2.002'],
    });
  });

  it('names the abolished level in the record', () => {
    const command: UnitCommand = { type: 'AbolishLevel', decision, effectiveDate: '2025-07-01', level: 'district', transfers: [] };
    expect(decideReorganisation(command, state)[0].events[0].data).toEqual({
      kind: 'level_abolition',
      units: ['a', 'b', 'c'],
      procedures: [
        { code: '2.001', effects: ['orphaned'] },
        { code: '2.002', effects: ['orphaned'] },
      ],
      level: 'district',
    });
  });
});

describe('summary decider', () => {
  const ref = { number: '999-QĐ/TU', date: '2018-03-01', issuer: 'Tỉnh ủy Bình Phước' };

  it('records published counts in the decision stream', () =>
    expect(decideSummary({ decision: ref, effectiveDate: '2020-10-01', level: 'province', countBefore: 214, countAfter: 124 }, [])).toEqual([
      { streamId: 'reorganisation-999-QĐ/TU@2018-03-01', events: [{ type: 'ReorganisationSummaryRecorded', data: { level: 'province', countBefore: 214, countAfter: 124 } }] },
    ]));

  it('refuses the same level and category twice under one decision, but not another scope', () => {
    const recorded = [{ level: 'province' as const, countBefore: 214, countAfter: 124 }];
    expect(() => decideSummary({ decision: ref, effectiveDate: '2020-10-01', level: 'province', countBefore: 1, countAfter: 0 }, recorded)).toThrow(
      expect.objectContaining({ code: 'SUMMARY.ALREADY_RECORDED', httpStatus: 409 }),
    );
    expect(decideSummary({ decision: ref, effectiveDate: '2020-10-01', category: 'public_service_unit', countBefore: 587, countAfter: 497 }, recorded)).toHaveLength(1);
  });

  it('refuses counts effective before the decision was signed', () =>
    expect(() => decideSummary({ decision: ref, effectiveDate: '2018-02-01', countBefore: 1, countAfter: 0 }, [])).toThrow(
      expect.objectContaining({ code: 'REORGANISATION.EFFECTIVE_BEFORE_SIGNED' }),
    ));
});
