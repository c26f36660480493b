import { ReductionLine, summarise } from './reduction-summary';

const line = (beforeDays: number, afterDays: number, level = 'province', field = 'Đất đai'): ReductionLine => ({
  beforeDays,
  afterDays,
  groups: { level, field, agency: 'Sở', decision: '1/QĐ', year: '2022' },
});

describe('summarising processing-time reductions', () => {
  it('reproduces the published Bình Phước cut: 27,843.5 statutory days to 19,341.5 is 8,502 days, 30.535% (published as 30.54%)', () => {
    const { total } = summarise([line(20000, 14000), line(7843.5, 5341.5)], 'total');
    expect(total).toEqual({ key: 'total', count: 2, beforeDays: 27843.5, afterDays: 19341.5, daysCut: 8502, percentCut: 30.535 });
  });

  it('groups by a key, matching Vietnamese text whatever its case or Unicode form', () => {
    const { groups } = summarise([line(10, 5, 'province', 'Đất đai'), line(10, 8, 'district', 'đất đai'.normalize('NFD')), line(4, 4, 'district', 'Hộ tịch')], 'field');
    expect(groups.map((g) => [g.key, g.count, g.daysCut, g.percentCut])).toEqual([
      ['Hộ tịch', 1, 0, 0],
      ['Đất đai', 2, 7, 35],
    ]);
  });

  it('reports no cut, not a division by zero, for an empty group', () =>
    expect(summarise([], 'total').total).toEqual({ key: 'total', count: 0, beforeDays: 0, afterDays: 0, daysCut: 0, percentCut: 0 }));
});
