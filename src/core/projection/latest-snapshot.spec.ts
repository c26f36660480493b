import { latestAt } from './live-projections';
import { SnapshotStatus } from './read-store';

const snapshot = (asOf: string | null, knownAt: string | null = null): SnapshotStatus => ({
  label: `catalogue@${asOf}&${knownAt}`,
  name: 'catalogue',
  version: 1,
  generation: 1,
  position: 10,
  asOf,
  knownAt,
});

const KNOWN = '2024-06-30T23:59:59.999Z';
const SNAPSHOTS = [snapshot('2022-12-31'), snapshot('2023-12-31'), snapshot('2021-12-31'), snapshot('2023-06-30', KNOWN), snapshot(null, KNOWN)];

describe('the latest snapshot at or before a point', () => {
  it('is the one of the latest date on or before the point’s, as known at the same moment', () => {
    expect(latestAt(SNAPSHOTS, { asOf: '2023-12-31' })?.asOf).toBe('2023-12-31');
    expect(latestAt(SNAPSHOTS, { asOf: '2023-12-30' })?.asOf).toBe('2022-12-31');
    expect(latestAt(SNAPSHOTS, { asOf: '2022-01-01' })?.asOf).toBe('2021-12-31');
    expect(latestAt(SNAPSHOTS, { asOf: '2024-05-01', knownAt: KNOWN })?.asOf).toBe('2023-06-30');
  });

  it('is none before the earliest date, or as known at another moment', () => {
    expect(latestAt(SNAPSHOTS, { asOf: '2021-12-30' })).toBeUndefined();
    expect(latestAt(SNAPSHOTS, { asOf: '2023-07-01', knownAt: '2024-07-01T00:00:00.000Z' })).toBeUndefined();
    expect(latestAt(SNAPSHOTS, { asOf: '2023-06-29', knownAt: KNOWN })).toBeUndefined();
  });

  it('for no date, is the one of no date if there is one, else the latest date', () => {
    expect(latestAt(SNAPSHOTS, { knownAt: KNOWN })?.asOf).toBeNull();
    expect(latestAt(SNAPSHOTS.slice(0, 4), { knownAt: KNOWN })?.asOf).toBe('2023-06-30');
    expect(latestAt(SNAPSHOTS, {})?.asOf).toBe('2023-12-31');
  });

  it('never takes a snapshot of no date for a point with one', () => {
    expect(latestAt([snapshot(null)], { asOf: '2030-01-01' })).toBeUndefined();
  });

  describe('for a point known at a moment', () => {
    it('takes a later one known at none when every event it folded was recorded by then, asking only of those later than the one it would take', () => {
      const recordedBy = jest.fn((s: SnapshotStatus) => s.asOf === '2023-12-31');
      expect(latestAt(SNAPSHOTS, { asOf: '2024-05-01', knownAt: KNOWN }, recordedBy)?.label).toBe('catalogue@2023-12-31&null');
      recordedBy.mockReturnValue(false);
      expect(latestAt(SNAPSHOTS, { asOf: '2024-05-01', knownAt: KNOWN }, recordedBy)?.label).toBe(`catalogue@2023-06-30&${KNOWN}`);
      expect(recordedBy.mock.calls.map(([s]) => s.label)).toEqual(['catalogue@2023-12-31&null', 'catalogue@2023-12-31&null']);
      // And one known at none of no date, for no date, when there is no other.
      expect(latestAt([snapshot(null), snapshot('2023-12-31')], { knownAt: KNOWN }, () => true)?.label).toBe('catalogue@null&null');
    });

    it('at the same date, takes the one known at the same moment without asking', () => {
      const recordedBy = jest.fn(() => true);
      expect(latestAt([snapshot('2023-12-31'), snapshot('2023-12-31', KNOWN)], { asOf: '2024-01-01', knownAt: KNOWN }, recordedBy)?.knownAt).toBe(KNOWN);
      expect(recordedBy).not.toHaveBeenCalled();
    });

    it('never asks for a point known at no moment, nor takes one known at another moment', () => {
      const recordedBy = jest.fn(() => true);
      expect(latestAt([snapshot('2023-06-30', KNOWN)], { asOf: '2024-01-01' }, recordedBy)).toBeUndefined();
      expect(latestAt([snapshot('2023-06-30', KNOWN)], { asOf: '2024-01-01', knownAt: '2025-01-01T00:00:00.000Z' }, recordedBy)).toBeUndefined();
      expect(latestAt([snapshot('2023-06-30')], { asOf: '2024-01-01' }, recordedBy)?.asOf).toBe('2023-06-30');
      expect(recordedBy).not.toHaveBeenCalled();
    });
  });
});
