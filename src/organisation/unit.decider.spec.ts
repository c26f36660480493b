import { deciderSpec } from '../../test/support/decider-spec';
import { UnitAttributes } from './unit';
import { UnitCommand } from './unit.commands';
import { decideUnits } from './unit.decider';
import { UnitEvent } from './unit.events';
import { emptyRegistry, evolveRegistry, UnitFact, UnitRegistry } from './unit.state';

const on = (effectiveDate: string, event: UnitEvent): UnitFact => ({ ...event, metadata: { effectiveDate } }) as UnitFact;
const established = (unitId: string, attributes: Partial<UnitAttributes> = {}, effectiveDate = '2018-01-01') =>
  on(effectiveDate, {
    type: 'UnitEstablished',
    data: { unitId, name: `Sở ${unitId}`, level: 'province', category: 'agency', parentId: 'tinh', ...attributes },
  });

const province = on('2018-01-01', { type: 'UnitEstablished', data: { unitId: 'tinh', name: 'UBND tỉnh Bình Phước', level: 'province', category: 'province' } });
const a = established('a', { name: 'Sở Nông nghiệp và Phát triển nông thôn' });
const b = established('b', { name: 'Sở Tài nguyên và Môi trường' });
const district = established('huyen', { name: 'UBND huyện Bù Đăng', level: 'district' });
const districtOffice = established('huyen-tp', { name: 'Phòng Tư pháp', level: 'district', category: 'office', parentId: 'huyen' });
const dissolvedB = on('2020-01-01', { type: 'UnitDissolved', data: { unitId: 'b', reason: 'dissolved' } });

const decision = { number: '5/NQ-HĐND', date: '2025-02-20', issuer: 'HĐND tỉnh Bình Phước' };
const when = <T extends UnitCommand['type']>(type: T, rest: Omit<Extract<UnitCommand, { type: T }>, 'type' | 'decision' | 'effectiveDate'>, effectiveDate = '2025-03-01') =>
  ({ type, decision, effectiveDate, ...rest }) as unknown as UnitCommand;

const spec = deciderSpec<UnitCommand, UnitFact, UnitRegistry>({ decide: decideUnits, evolve: evolveRegistry, initialState: emptyRegistry });
const base = [province, a, b];

describe('unit decider', () => {
  describe('establishing', () => {
    it('establishes a unit under a parent, with a client-given id', () =>
      spec.given([province]).when(when('EstablishUnit', { unit: { unitId: 'so-tp', name: 'Sở Tư pháp', level: 'province', category: 'agency', parentId: 'tinh' } })).then([
        { streamId: 'unit-so-tp', events: [{ type: 'UnitEstablished', data: { unitId: 'so-tp', name: 'Sở Tư pháp', level: 'province', category: 'agency', parentId: 'tinh' } }] },
      ]));

    it('refuses an id already recorded, an unknown parent (404), a parent that ended or did not yet exist', () => {
      const unit = (parentId: string, unitId = 'x') => when('EstablishUnit', { unit: { unitId, name: 'X', level: 'province', category: 'agency', parentId } });
      spec.given(base).when(unit('tinh', 'a')).thenThrows({ code: 'UNIT.ALREADY_RECORDED', httpStatus: 422, details: [expect.objectContaining({ field: 'unitId' })] });
      spec.given(base).when(unit('nowhere')).thenThrows({ code: 'UNIT.NOT_FOUND', httpStatus: 404, details: [expect.objectContaining({ field: 'parentId' })] });
      spec.given([...base, dissolvedB]).when(unit('b')).thenThrows({ code: 'UNIT.PARENT_NOT_ACTIVE', details: [expect.objectContaining({ field: 'parentId' })] });
      spec.given([established('late', {}, '2026-01-01')]).when(unit('late')).thenThrows({ code: 'UNIT.NOT_YET_ESTABLISHED' });
    });

    it('refuses an effective date before the decision was signed', () =>
      spec.given(base).when(when('DissolveUnit', { unitId: 'a' }, '2025-02-19')).thenThrows({
        code: 'REORGANISATION.EFFECTIVE_BEFORE_SIGNED',
        details: [expect.objectContaining({ field: 'effectiveDate' })],
      }));
  });

  describe('renaming and transferring', () => {
    it('renames, and refuses the name it already has', () => {
      spec.given(base).when(when('RenameUnit', { unitId: 'a', name: 'Sở Nông nghiệp' })).then([
        { streamId: 'unit-a', events: [{ type: 'UnitRenamed', data: { unitId: 'a', name: 'Sở Nông nghiệp', previousName: 'Sở Nông nghiệp và Phát triển nông thôn' } }] },
      ]);
      spec.given(base).when(when('RenameUnit', { unitId: 'a', name: 'Sở Nông nghiệp và Phát triển nông thôn' })).thenThrows({ code: 'RENAME.SAME_NAME' });
      spec.given(base).when(when('RenameUnit', { unitId: 'zz', name: 'Z' })).thenThrows({ code: 'UNIT.NOT_FOUND', httpStatus: 404 });
    });

    it('transfers to a new parent or level, stating the placement before and after', () =>
      spec.given([...base, district]).when(when('TransferUnit', { unitId: 'huyen', level: 'commune', parentId: 'a' })).then([
        { streamId: 'unit-huyen', events: [{ type: 'UnitTransferred', data: { unitId: 'huyen', level: 'commune', parentId: 'a', previousLevel: 'district', previousParentId: 'tinh' } }] },
      ]));

    it('refuses a transfer that changes nothing', () =>
      spec.given(base).when(when('TransferUnit', { unitId: 'a', parentId: 'tinh' })).thenThrows({ code: 'TRANSFER.NO_CHANGE' }));

    it('refuses cycles in parents: under itself, or under its own sub-unit', () => {
      spec.given(base).when(when('TransferUnit', { unitId: 'a', parentId: 'a' })).thenThrows({ code: 'UNIT.PARENT_CYCLE', details: [expect.objectContaining({ field: 'parentId' })] });
      spec
        .given([...base, established('a1', { parentId: 'a' }), established('a2', { parentId: 'a1' })])
        .when(when('TransferUnit', { unitId: 'a', parentId: 'a2' }))
        .thenThrows({ code: 'UNIT.PARENT_CYCLE', message: expect.stringContaining('a → a2 → a1 → a') });
    });
  });

  describe('mergers', () => {
    const merge = (unitIds: string[], into: Extract<UnitCommand, { type: 'MergeUnits' }>['into'], effectiveDate?: string) =>
      when('MergeUnits', { unitIds, into }, effectiveDate);
    const newC = { unitId: 'c', establish: { name: 'Sở Nông nghiệp và Môi trường', level: 'province' as const, category: 'agency' as const, parentId: 'tinh' } };

    it('merges several units into a new one, which remembers what it was formed from', () =>
      spec.given(base).when(merge(['a', 'b'], newC)).then([
        { streamId: 'unit-a', events: [{ type: 'UnitMerged', data: { unitId: 'a', into: 'c' } }] },
        { streamId: 'unit-b', events: [{ type: 'UnitMerged', data: { unitId: 'b', into: 'c' } }] },
        { streamId: 'unit-c', events: [{ type: 'UnitEstablished', data: { unitId: 'c', ...newC.establish, formedBy: 'merger', formedFrom: ['a', 'b'] } }] },
      ]));

    it('merges into an existing unit, and moves the sub-units of merged units along, explicitly', () =>
      spec.given([...base, established('b1', { parentId: 'b', category: 'sub_agency' })]).when(merge(['b'], { unitId: 'a' })).then([
        { streamId: 'unit-b', events: [{ type: 'UnitMerged', data: { unitId: 'b', into: 'a' } }] },
        { streamId: 'unit-a', events: [{ type: 'UnitsAbsorbed', data: { unitId: 'a', absorbed: ['b'] } }] },
        { streamId: 'unit-b1', events: [{ type: 'UnitTransferred', data: { unitId: 'b1', level: 'province', parentId: 'a', previousLevel: 'province', previousParentId: 'b' } }] },
      ]));

    it('refuses merging a dissolved unit', () =>
      spec.given([...base, dissolvedB]).when(merge(['a', 'b'], newC)).thenThrows({
        code: 'UNIT.NOT_ACTIVE',
        httpStatus: 422,
        message: expect.stringContaining('dissolved on 2020-01-01'),
        messageVi: expect.stringContaining('đã bị giải thể'),
        details: [expect.objectContaining({ field: 'units[1].unitId' })],
      }));

    it('refuses merging a unit into itself', () =>
      spec.given(base).when(merge(['a', 'b'], { unitId: 'b' })).thenThrows({ code: 'MERGER.INTO_ITSELF', details: [expect.objectContaining({ field: 'units[1].unitId' })] }));

    it('refuses a unit listed twice, and a "merger" of one unit into a new one', () => {
      spec.given(base).when(merge(['a', 'a'], newC)).thenThrows({ code: 'UNIT.LISTED_TWICE', details: [expect.objectContaining({ field: 'units[1].unitId' })] });
      spec.given(base).when(merge(['a'], newC)).thenThrows({ code: 'MERGER.TOO_FEW_UNITS' });
    });

    it('refuses a merger effective before a unit existed, or before its last change', () => {
      spec.given([...base, established('late', {}, '2025-06-01')]).when(merge(['a', 'late'], newC)).thenThrows({
        code: 'UNIT.NOT_YET_ESTABLISHED',
        message: expect.stringContaining('before unit late was established (2025-06-01)'),
        details: [expect.objectContaining({ field: 'effectiveDate' })],
      });
      const renamed = on('2025-04-01', { type: 'UnitRenamed', data: { unitId: 'a', name: 'Sở NN', previousName: 'Sở Nông nghiệp và Phát triển nông thôn' } });
      spec.given([...base, renamed]).when(merge(['a', 'b'], newC)).thenThrows({ code: 'UNIT.EFFECTIVE_DATE_OUT_OF_ORDER' });
    });

    it('refuses merging a unit into its own sub-unit, which would be left under a unit that ends', () =>
      spec.given([...base, established('a1', { parentId: 'a' })]).when(merge(['a'], { unitId: 'a1' })).thenThrows({
        code: 'UNIT.PARENT_ENDED',
        details: [expect.objectContaining({ field: 'into.unitId' })],
      }));
  });

  describe('splits', () => {
    const split = (parts: Array<{ unitId: string; name: string; parentId?: string }>, proceduresTo?: string) =>
      when('SplitUnit', { unitId: 'a', parts, ...(proceduresTo && { proceduresTo }) });

    it('splits a unit into new ones that take its level, category and parent unless told otherwise', () =>
      spec.given(base).when(split([{ unitId: 'd', name: 'Sở D' }, { unitId: 'e', name: 'Sở E' }])).then([
        { streamId: 'unit-a', events: [{ type: 'UnitSplit', data: { unitId: 'a', into: ['d', 'e'] } }] },
        { streamId: 'unit-d', events: [{ type: 'UnitEstablished', data: { unitId: 'd', name: 'Sở D', level: 'province', category: 'agency', parentId: 'tinh', formedBy: 'split', formedFrom: ['a'] } }] },
        { streamId: 'unit-e', events: [{ type: 'UnitEstablished', data: { unitId: 'e', name: 'Sở E', level: 'province', category: 'agency', parentId: 'tinh', formedBy: 'split', formedFrom: ['a'] } }] },
      ]));

    it('refuses a part that already exists, a single part, and procedures sent to a unit that is not a part', () => {
      spec.given(base).when(split([{ unitId: 'd', name: 'D' }, { unitId: 'b', name: 'B' }])).thenThrows({ code: 'UNIT.ALREADY_RECORDED', details: [expect.objectContaining({ field: 'parts[1].unitId' })] });
      spec.given(base).when(split([{ unitId: 'd', name: 'D' }])).thenThrows({ code: 'SPLIT.TOO_FEW_PARTS' });
      spec.given(base).when(split([{ unitId: 'd', name: 'D' }, { unitId: 'e', name: 'E' }], 'b')).thenThrows({ code: 'SPLIT.PROCEDURES_TO_NOT_A_PART', details: [expect.objectContaining({ field: 'proceduresTo' })] });
    });

    it('refuses leaving sub-units under the unit split, or placing a part under it', () => {
      spec.given([...base, established('a1', { parentId: 'a' })]).when(split([{ unitId: 'd', name: 'D' }, { unitId: 'e', name: 'E' }])).thenThrows({
        code: 'UNIT.PARENT_ENDED',
        details: [expect.objectContaining({ field: 'unitId' })],
      });
      spec.given(base).when(split([{ unitId: 'd', name: 'D' }, { unitId: 'e', name: 'E', parentId: 'a' }])).thenThrows({
        code: 'UNIT.PARENT_ENDED',
        details: [expect.objectContaining({ field: 'parts[1].parentId' })],
      });
    });
  });

  describe('dissolutions', () => {
    it('dissolves a unit once', () => {
      spec.given(base).when(when('DissolveUnit', { unitId: 'b' })).then([{ streamId: 'unit-b', events: [{ type: 'UnitDissolved', data: { unitId: 'b', reason: 'dissolved' } }] }]);
      spec.given([...base, dissolvedB]).when(when('DissolveUnit', { unitId: 'b' })).thenThrows({ code: 'UNIT.NOT_ACTIVE' });
    });

    it('refuses dissolving a unit that still has active sub-units', () =>
      spec.given([...base, district, districtOffice]).when(when('DissolveUnit', { unitId: 'huyen' })).thenThrows({
        code: 'UNIT.PARENT_ENDED',
        message: expect.stringContaining('huyen-tp'),
      }));
  });

  describe('abolishing a level', () => {
    const commune = established('xa', { name: 'UBND xã Minh Hưng', level: 'commune', category: 'agency', parentId: 'huyen' });
    const abolish = (transfers: Extract<UnitCommand, { type: 'AbolishLevel' }>['transfers'], proceduresTo?: { level: 'commune' | 'district' }) =>
      when('AbolishLevel', { level: 'district', transfers, ...(proceduresTo && { proceduresTo }) }, '2025-07-01');

    it('dissolves every unit of the level except those transferred elsewhere', () =>
      spec.given([...base, district, districtOffice, commune]).when(abolish([{ unitId: 'huyen-tp', level: 'province', parentId: 'tinh' }, { unitId: 'xa', parentId: 'tinh' }])).then([
        { streamId: 'unit-huyen-tp', events: [{ type: 'UnitTransferred', data: { unitId: 'huyen-tp', level: 'province', parentId: 'tinh', previousLevel: 'district', previousParentId: 'huyen' } }] },
        { streamId: 'unit-xa', events: [{ type: 'UnitTransferred', data: { unitId: 'xa', level: 'commune', parentId: 'tinh', previousLevel: 'commune', previousParentId: 'huyen' } }] },
        { streamId: 'unit-huyen', events: [{ type: 'UnitDissolved', data: { unitId: 'huyen', reason: 'level_abolished' } }] },
      ]));

    it('refuses a unit or the procedures staying at the abolished level', () => {
      spec.given([...base, district]).when(abolish([{ unitId: 'huyen', parentId: 'a' }])).thenThrows({
        code: 'LEVEL_ABOLITION.STAYS_AT_LEVEL',
        details: [expect.objectContaining({ field: 'transfers[0].level' })],
      });
      spec.given([...base, district]).when(abolish([], { level: 'district' })).thenThrows({ code: 'LEVEL_ABOLITION.STAYS_AT_LEVEL', details: [expect.objectContaining({ field: 'proceduresTo.level' })] });
    });

    it('refuses leaving a unit of another level under a unit it dissolves', () =>
      spec.given([...base, district, commune]).when(abolish([])).thenThrows({
        code: 'UNIT.PARENT_ENDED',
        message: expect.stringContaining('unit xa'),
        details: [expect.objectContaining({ field: 'transfers' })],
      }));
  });
});
