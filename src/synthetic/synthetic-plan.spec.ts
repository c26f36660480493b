import { planSyntheticHistory } from './synthetic-plan';
import { mulberry32 } from './mulberry32';
import { fitTotal, splitByShares } from './totals';

describe('the synthetic generator', () => {
  it('draws the same numbers from the same seed, and others from another', () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const first = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(first);
    expect(mulberry32(8)()).not.toBe(first[0]);
    expect(first.every((x) => x >= 0 && x < 1)).toBe(true);
  });

  it('splits counts by shares without losing any', () => {
    expect(splitByShares(1784, [['province', 1446], ['district', 244], ['commune', 94]])).toEqual({ province: 1446, district: 244, commune: 94 });
    const split = splitByShares(101, [['province', 1446], ['district', 244], ['commune', 94]]);
    expect(Object.values(split).reduce((a, b) => a + b, 0)).toBe(101);
  });

  it('fits numbers to a total within their caps, or says it cannot', () => {
    const fitted = fitTotal([5, 50, 500], 100, [10, 60, 60], mulberry32(1));
    expect(fitted.reduce((a, b) => a + b, 0)).toBe(100);
    expect(fitted.every((v, i) => v >= 1 && v <= [10, 60, 60][i])).toBe(true);
    expect(() => fitTotal([1, 1], 200, [10, 10], mulberry32(1))).toThrow(RangeError);
  });

  it('matches Bình Phước mid-2023 exactly: 1,784 procedures, 1,446 / 244 / 94, 27,843.5 statutory and 19,341.5 announced days', () => {
    const plan = planSyntheticHistory({ procedures: 1784, seed: 42, match: 'bp-2023' });
    expect(plan.expected).toEqual({ asOf: '2023-06-30', procedures: 1784, byLevel: { ministry: 0, province: 1446, district: 244, commune: 94 }, statutoryDays: 27843.5, announcedDays: 19341.5 });
    // Replay the plan's arithmetic: what is in force at the end is what was opened or announced, less what was abolished or replaced, after the cuts.
    const days = new Map<string, { level: string; statutory: number; announced: number }>();
    for (const opening of plan.openings) for (const { code, procedure } of opening.procedures) days.set(code, { level: procedure.level, statutory: procedure.statutoryDays, announced: procedure.announcedDays });
    for (const { items } of plan.decisions) {
      for (const item of items) {
        if (item.kind === 'abolished') days.delete(item.code);
        else {
          if (item.kind === 'replaced') days.delete(item.replacesCode!);
          days.set(item.code, { level: item.procedure!.level, statutory: item.procedure!.statutoryDays, announced: item.procedure!.announcedDays });
        }
      }
    }
    for (const { code, body } of plan.cuts) {
      expect(days.get(code)!.announced).toBe(body.fromDays);
      days.set(code, { ...days.get(code)!, announced: body.toDays });
    }
    const inForce = [...days.values()];
    expect(inForce).toHaveLength(1784);
    expect(inForce.filter((p) => p.level === 'district')).toHaveLength(244);
    expect(inForce.reduce((sum, p) => sum + p.statutory, 0)).toBe(27843.5);
    expect(inForce.reduce((sum, p) => sum + p.announced, 0)).toBe(19341.5);
    expect(inForce.every((p) => p.announced <= p.statutory && p.announced >= 0.5)).toBe(true);
  });

  it('gives the same plan for the same options, and labels everything it makes as synthetic', () => {
    const plan = planSyntheticHistory({ procedures: 60, seed: 3 });
    expect(planSyntheticHistory({ procedures: 60, seed: 3 })).toEqual(plan);
    expect(JSON.stringify(planSyntheticHistory({ procedures: 60, seed: 4 }))).not.toEqual(JSON.stringify(plan));
    expect(plan.openings.every((o) => o.source.startsWith('dữ liệu mô phỏng'))).toBe(true);
    expect(plan.decisions.every((d) => d.decision.issuer.includes('mô phỏng') && d.title!.includes('không phải quyết định thật'))).toBe(true);
  });

  it('refuses a target with the wrong number of procedures, or a count out of range', () => {
    expect(() => planSyntheticHistory({ procedures: 100, seed: 1, match: 'bp-2023' })).toThrow('--match bp-2023 needs --procedures 1784');
    expect(() => planSyntheticHistory({ procedures: 0, seed: 1 })).toThrow(RangeError);
  });
});
