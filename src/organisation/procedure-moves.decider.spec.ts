import { deciderSpec } from '../../test/support/decider-spec';
import { Level, ProcedureAttributes } from '../procedures/procedure';
import { ProcedureEvent } from '../procedures/procedure.events';
import { ProcedureFact } from '../procedures/procedure.state';
import { decideProcedureMoves, emptyOrganisation, evolveOrganisation, OrganisationState } from './procedure-moves.decider';
import { UnitAttributes } from './unit';
import { UnitCommand } from './unit.commands';
import { UnitEvent } from './unit.events';
import { UnitFact } from './unit.state';

type Fact = UnitFact | ProcedureFact;
const on = (effectiveDate: string, event: UnitEvent | ProcedureEvent): Fact => ({ ...event, metadata: { effectiveDate } }) as Fact;
const unit = (unitId: string, name: string, attributes: Partial<UnitAttributes> = {}) =>
  on('2018-01-01', { type: 'UnitEstablished', data: { unitId, name, level: 'province', category: 'agency', ...attributes } });
const procedure = (code: string, agency: string, level: Level = 'province', effectiveDate = '2021-12-31') => {
  const attributes: ProcedureAttributes = {
    name: `Thủ tục ${code}`,
    level,
    field: 'Đất đai',
    agency,
    statutoryDays: 10,
    announcedDays: 8,
    onlineLevel: 'fully',
    connectedToNationalPortal: true,
    interLevel: false,
  };
  return on(effectiveDate, { type: 'ProcedureOpened', data: { code, ...attributes } });
};

const decision = { number: '5/NQ-HĐND', date: '2025-02-20', issuer: 'HĐND tỉnh Bình Phước' };
const command = (rest: Record<string, unknown>, effectiveDate = '2025-03-01') => ({ decision, effectiveDate, ...rest }) as unknown as UnitCommand;
const spec = deciderSpec<UnitCommand, Fact, OrganisationState>({ decide: decideProcedureMoves, evolve: evolveOrganisation, initialState: emptyOrganisation });

const tnmt = unit('tnmt', 'Sở Tài nguyên và Môi trường');
const nnptnt = unit('nnptnt', 'Sở Nông nghiệp và Phát triển nông thôn');
const newUnit = { unitId: 'nnmt', establish: { name: 'Sở Nông nghiệp và Môi trường', level: 'province', category: 'agency' } };

describe('procedures follow their implementing unit', () => {
  it('moves the procedures of merged units to the successor, matching the agency in any case or Unicode form', () =>
    spec
      .given([tnmt, nnptnt, procedure('1.001', 'Sở Tài nguyên và Môi trường'), procedure('1.002', 'sở tài nguyên VÀ môi trường'.normalize('NFD'))])
      .when(command({ type: 'MergeUnits', unitIds: ['tnmt', 'nnptnt'], into: newUnit }))
      .then(
        ['1.001', '1.002'].map((code) => ({
          streamId: `procedure-${code}`,
          events: [
            {
              type: 'ProcedureAgencyChanged',
              data: { code, agency: 'Sở Nông nghiệp và Môi trường', previousAgency: expect.any(String), reason: 'unit_merged', unitId: 'nnmt' },
            },
          ],
        })),
      ));

  it('leaves alone procedures of another level, another agency, or no longer in force', () =>
    spec
      .given([
        tnmt,
        nnptnt,
        procedure('2.001', 'Sở Tài nguyên và Môi trường', 'district'),
        procedure('1.003', 'Sở Tư pháp'),
        procedure('1.004', 'Sở Tài nguyên và Môi trường'),
        on('2022-01-01', { type: 'ProcedureAbolished', data: { code: '1.004' } }),
      ])
      .when(command({ type: 'MergeUnits', unitIds: ['tnmt', 'nnptnt'], into: newUnit }))
      .then([]));

  it('changes the level too when the successor sits at another level', () =>
    spec
      .given([unit('tinh', 'UBND tỉnh', { category: 'province' }), unit('huyen', 'UBND huyện Bù Đăng', { level: 'district' }), procedure('2.001', 'UBND huyện Bù Đăng', 'district')])
      .when(command({ type: 'MergeUnits', unitIds: ['huyen'], into: { unitId: 'tinh' } }))
      .then([
        {
          streamId: 'procedure-2.001',
          events: [
            { type: 'ProcedureLevelChanged', data: { code: '2.001', level: 'province', previousLevel: 'district', reason: 'unit_merged', unitId: 'tinh' } },
            { type: 'ProcedureAgencyChanged', data: { code: '2.001', agency: 'UBND tỉnh', previousAgency: 'UBND huyện Bù Đăng', reason: 'unit_merged', unitId: 'tinh' } },
          ],
        },
      ]));

  it('flags the procedures of a dissolved unit orphaned', () =>
    spec.given([tnmt, procedure('1.001', 'Sở Tài nguyên và Môi trường')]).when(command({ type: 'DissolveUnit', unitId: 'tnmt' })).then([
      {
        streamId: 'procedure-1.001',
        events: [{ type: 'ProcedureOrphaned', data: { code: '1.001', agency: 'Sở Tài nguyên và Môi trường', level: 'province', reason: 'unit_dissolved', unitId: 'tnmt' } }],
      },
    ]));

  it('sends the procedures of a split unit to the part named, or flags them orphaned', () => {
    const parts = [{ unitId: 'd', name: 'Sở D' }, { unitId: 'e', name: 'Sở E' }];
    const given = spec.given([tnmt, procedure('1.001', 'Sở Tài nguyên và Môi trường')]);
    given.when(command({ type: 'SplitUnit', unitId: 'tnmt', parts, proceduresTo: 'e' })).then([
      {
        streamId: 'procedure-1.001',
        events: [{ type: 'ProcedureAgencyChanged', data: { code: '1.001', agency: 'Sở E', previousAgency: 'Sở Tài nguyên và Môi trường', reason: 'unit_split', unitId: 'e' } }],
      },
    ]);
    given.when(command({ type: 'SplitUnit', unitId: 'tnmt', parts })).then([
      {
        streamId: 'procedure-1.001',
        events: [{ type: 'ProcedureOrphaned', data: { code: '1.001', agency: 'Sở Tài nguyên và Môi trường', level: 'province', reason: 'unit_split', unitId: 'tnmt' } }],
      },
    ]);
  });

  it('follows a rename and a transfer to another level', () => {
    const given = spec.given([tnmt, procedure('1.001', 'Sở Tài nguyên và Môi trường')]);
    given.when(command({ type: 'RenameUnit', unitId: 'tnmt', name: 'Sở TN&MT' })).then([
      {
        streamId: 'procedure-1.001',
        events: [{ type: 'ProcedureAgencyChanged', data: { code: '1.001', agency: 'Sở TN&MT', previousAgency: 'Sở Tài nguyên và Môi trường', reason: 'unit_renamed', unitId: 'tnmt' } }],
      },
    ]);
    given.when(command({ type: 'TransferUnit', unitId: 'tnmt', level: 'district' })).then([
      {
        streamId: 'procedure-1.001',
        events: [{ type: 'ProcedureLevelChanged', data: { code: '1.001', level: 'district', previousLevel: 'province', reason: 'unit_transferred', unitId: 'tnmt' } }],
      },
    ]);
  });

  it('moves nothing when several active units carry the agency name: it cannot tell which one', () =>
    spec
      .given([
        unit('bd-tp', 'Phòng Tư pháp', { level: 'district', category: 'office' }),
        unit('dx-tp', 'Phòng Tư pháp', { level: 'district', category: 'office' }),
        procedure('2.001', 'Phòng Tư pháp', 'district'),
      ])
      .when(command({ type: 'DissolveUnit', unitId: 'bd-tp' }))
      .then([]));

  describe('when a level is abolished', () => {
    const given = spec.given([
      unit('tinh', 'UBND tỉnh', { category: 'province' }),
      unit('huyen', 'UBND huyện Bù Đăng', { level: 'district', parentId: 'tinh' }),
      unit('huyen-vp', 'Văn phòng đăng ký đất đai Bù Đăng', { level: 'district', parentId: 'tinh', category: 'public_service_unit' }),
      procedure('2.001', 'UBND cấp huyện', 'district'),
      procedure('2.002', 'Văn phòng đăng ký đất đai Bù Đăng', 'district'),
      procedure('2.003', 'UBND huyện Bù Đăng', 'district'),
      procedure('1.001', 'UBND tỉnh'),
    ]);
    const abolish = (extra: Record<string, unknown> = {}) =>
      command({ type: 'AbolishLevel', level: 'district', transfers: [{ unitId: 'huyen-vp', level: 'province' }], ...extra }, '2025-07-01');

    it('moves procedures with the unit that survives, and the rest where the command sends them', () =>
      given.when(abolish({ proceduresTo: { level: 'commune', agency: 'UBND cấp xã' } })).then([
        {
          streamId: 'procedure-2.001',
          events: [
            { type: 'ProcedureLevelChanged', data: { code: '2.001', level: 'commune', previousLevel: 'district', reason: 'level_abolished' } },
            { type: 'ProcedureAgencyChanged', data: { code: '2.001', agency: 'UBND cấp xã', previousAgency: 'UBND cấp huyện', reason: 'level_abolished' } },
          ],
        },
        {
          streamId: 'procedure-2.002',
          events: [{ type: 'ProcedureLevelChanged', data: { code: '2.002', level: 'province', previousLevel: 'district', reason: 'level_abolished', unitId: 'huyen-vp' } }],
        },
        {
          streamId: 'procedure-2.003',
          events: [
            { type: 'ProcedureLevelChanged', data: { code: '2.003', level: 'commune', previousLevel: 'district', reason: 'level_abolished', unitId: 'huyen' } },
            { type: 'ProcedureAgencyChanged', data: { code: '2.003', agency: 'UBND cấp xã', previousAgency: 'UBND huyện Bù Đăng', reason: 'level_abolished', unitId: 'huyen' } },
          ],
        },
      ]));

    it('flags orphaned every procedure of the level that nothing takes', () =>
      given.when(abolish()).then([
        { streamId: 'procedure-2.001', events: [{ type: 'ProcedureOrphaned', data: { code: '2.001', agency: 'UBND cấp huyện', level: 'district', reason: 'level_abolished' } }] },
        {
          streamId: 'procedure-2.002',
          events: [{ type: 'ProcedureLevelChanged', data: { code: '2.002', level: 'province', previousLevel: 'district', reason: 'level_abolished', unitId: 'huyen-vp' } }],
        },
        {
          streamId: 'procedure-2.003',
          events: [{ type: 'ProcedureOrphaned', data: { code: '2.003', agency: 'UBND huyện Bù Đăng', level: 'district', reason: 'level_abolished', unitId: 'huyen' } }],
        },
      ]));
  });

  it('refuses a reorganisation effective before a change of a procedure that follows the unit', () =>
    spec
      .given([tnmt, procedure('1.001', 'Sở Tài nguyên và Môi trường', 'province', '2025-06-01')])
      .when(command({ type: 'DissolveUnit', unitId: 'tnmt' }))
      .thenThrows({
        code: 'PROCEDURE.EFFECTIVE_DATE_OUT_OF_ORDER',
        message: expect.stringContaining('procedure 1.001 follows unit tnmt'),
        details: [expect.objectContaining({ field: 'effectiveDate' })],
      }));
});
