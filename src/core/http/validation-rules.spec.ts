import fc from 'fast-check';
import { isCalendarDate } from './validation-rules';

/** What a calendar date is, told by the platform's own calendar: the day it names, written back, is the same text. */
const namesARealDay = (value: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
};

describe('isCalendarDate', () => {
  it('takes the days that exist and refuses the others', () => {
    expect(['2024-02-29', '2000-02-29', '2023-12-31', '0001-01-01', '2025-07-01'].filter(isCalendarDate)).toHaveLength(5);
    expect(['2023-02-29', '1900-02-29', '2024-04-31', '2024-13-01', '2024-00-10', '2024-01-00', '2024-1-01', ' 2024-01-01', '2024-01-01T00:00', '２０２４-01-01'].filter(isCalendarDate)).toEqual([]);
  });

  it('agrees with the platform calendar on any YYYY-MM-DD, real or not, and on any text', () => {
    const pad = (n: number, width: number) => String(n).padStart(width, '0');
    const dateLike = fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`);
    fc.assert(fc.property(fc.oneof(dateLike, fc.string({ maxLength: 12 })), (value) => isCalendarDate(value) === namesARealDay(value)), { numRuns: 20_000 });
  });
});
