import { UnitEvent } from '../unit.events';
import { registryAsOf, UnitFact } from '../unit.state';
import { reconcile } from './reconciliation';
import { countUnits } from './unit-counts';
import { lineageOf } from './unit-lineage';
import { unitTree } from './unit-tree';

const decision = (number: string, date: string) => ({ number, date, issuer: 'UBND tỉnh' });
const on = (effectiveDate: string, event: UnitEvent, ref = decision('1/QĐ-UBND', '2018-01-01')): UnitFact => ({ ...event, metadata: { effectiveDate, decision: ref } }) as UnitFact;
const established = (unitId: string, level: 'province' | 'district' = 'district', parentId?: string) =>
  on('2018-01-01', { type: 'UnitEstablished', data: { unitId, name: `Unit ${unitId}`, level, category: 'office', ...(parentId && { parentId }) } });

describe('reading the registry', () => {
  const merger = decision('45/QĐ-UBND', '2019-05-01');
  const histories: UnitFact[][] = [
    [established('a'), on('2019-06-01', { type: 'UnitMerged', data: { unitId: 'a', into: 'b' } }, merger)],
    [
      established('b'),
      on('2019-06-01', { type: 'UnitsAbsorbed', data: { unitId: 'b', absorbed: ['a'] } }, merger),
      on('2020-01-01', { type: 'UnitSplit', data: { unitId: 'b', into: ['c', 'd'] } }),
    ],
    [on('2020-01-01', { type: 'UnitEstablished', data: { unitId: 'c', name: 'C', level: 'district', category: 'office', formedBy: 'split', formedFrom: ['b'] } })],
    [on('2020-01-01', { type: 'UnitEstablished', data: { unitId: 'd', name: 'D', level: 'district', category: 'office', formedBy: 'split', formedFrom: ['b'] } })],
    [
      established('e'),
      on('2019-06-01', { type: 'UnitTransferred', data: { unitId: 'e', level: 'province', previousLevel: 'district' } }, merger),
    ],
  ];

  it('follows a merger into an existing unit and a later split, in both directions', () => {
    const registry = registryAsOf(histories);
    expect(lineageOf('c', registry).predecessors.map((m) => [m.id, m.depth])).toEqual([
      ['b', 1],
      ['a', 2],
    ]);
    expect(lineageOf('a', registry).successors.map((m) => [m.id, m.depth])).toEqual([
      ['b', 1],
      ['c', 2],
      ['d', 2],
    ]);
    expect(lineageOf('a', registryAsOf(histories, '2019-12-31')).successors.map((m) => m.id)).toEqual(['b']);
    expect(lineageOf('e', registry)).toEqual({ predecessors: [], successors: [], links: [] });
  });

  it('counts a unit moved to another level as a change of both levels, under the decision that moved it', () => {
    const summary = { decision: merger, effectiveDate: '2019-06-01', level: 'district' as const, countBefore: 3, countAfter: 1 };
    expect(reconcile(summary, histories)).toEqual({
      published: { before: 3, after: 1, change: -2 },
      registry: { beforeAsOf: '2019-04-30', before: 3, afterAsOf: '2019-06-01', after: 1, change: -2, changeUnderDecision: -2 },
      difference: { before: 0, after: 0, change: 0 },
      reconciled: true,
    });
    expect(countUnits(registryAsOf(histories, '2019-06-01')).byLevel).toEqual({ province: 1, district: 1, commune: 0 });
  });

  it('never loses a unit from the tree, even under a parent that is not active', () => {
    const orphan = [established('p', 'province'), on('2019-01-01', { type: 'UnitDissolved', data: { unitId: 'p', reason: 'dissolved' } })];
    const registry = registryAsOf([orphan, [established('q', 'province', 'p')], [established('r', 'province', 'q')]]);
    expect(unitTree(registry)).toEqual([
      { id: 'q', name: 'Unit q', level: 'province', category: 'office', since: '2018-01-01', children: [{ id: 'r', name: 'Unit r', level: 'province', category: 'office', since: '2018-01-01', children: [] }] },
    ]);
  });
});
