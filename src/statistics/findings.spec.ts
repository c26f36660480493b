import { agreement, decimalsOf, roundTo, sumAgreement } from './findings';

describe('comparing stated figures with computed ones', () => {
  it('reads the precision a figure is stated to', () => {
    expect([decimalsOf(92.54), decimalsOf(98), decimalsOf(87.5), decimalsOf(27843.5)]).toEqual([2, 0, 1, 1]);
  });

  it('rounds in decimal', () => expect([roundTo(1.005, 2), roundTo(30.534953, 3), roundTo(-2.345, 2)]).toEqual([1.01, 30.535, -2.34]));

  it('accepts a share within half a unit of its last decimal', () => {
    expect(agreement(4.44, (8148 / 183636) * 100)).toBe('consistent');
    expect(agreement(98, (1423 / 1446) * 100)).toBe('consistent');
    expect(agreement(99.84, (98783 / 98942) * 100)).toBe('consistent');
  });

  it('calls 30.54% for 8,502 of 27,843.5 days a double rounding, not a discrepancy', () => {
    expect(agreement(30.54, (8502 / 27843.5) * 100)).toBe('rounding');
    expect(agreement(30.535, (8502 / 27843.5) * 100)).toBe('consistent');
  });

  it('calls a stated change of 3.71 for 92.51 − 88.81 a discrepancy: no rounding explains it', () => {
    expect(agreement(3.71, 92.51 - 88.81)).toBe('discrepancy');
    expect(agreement(6.54, 92.47 - 85.93)).toBe('consistent');
  });

  it('adds counts exactly and amounts to the precision of their parts', () => {
    expect(sumAgreement(226593, [183636, 42950])).toBe('discrepancy');
    expect(sumAgreement(88991, [88478, 513])).toBe('consistent');
    expect(sumAgreement(750.6, [4.2, 746.4])).toBe('consistent');
    expect(sumAgreement(76.7, [30.4, 40.5, 5.7])).toBe('rounding');
    expect(sumAgreement(77.7, [30.4, 40.5, 5.7])).toBe('discrepancy');
  });
});
