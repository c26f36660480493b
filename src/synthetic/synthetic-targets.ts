import { Level } from '../procedures/procedure';

/**
 * Published totals a synthetic catalogue can be made to match. The totals are real (with their source); the
 * procedures generated to add up to them are not.
 */
export interface SyntheticTarget {
  readonly label: string;
  readonly source: string;
  /** The date the totals stand; every generated event takes effect on or before it. */
  readonly asOf: string;
  readonly byLevel: Readonly<Partial<Record<Level, number>>>;
  readonly statutoryDays: number;
  readonly announcedDays: number;
}

export const SYNTHETIC_TARGETS = {
  'bp-2023': {
    label: 'Bình Phước, mid-2023: 1,784 procedures (1,446 / 244 / 94), 27,843.5 statutory days against 19,341.5 announced',
    source: '002_90c0e404548d7a3f.txt (counts), 000_f6667ee2e4f2cdb8.txt (days)',
    asOf: '2023-06-30',
    byLevel: { province: 1446, district: 244, commune: 94 },
    statutoryDays: 27843.5,
    announcedDays: 19341.5,
  },
} as const satisfies Record<string, SyntheticTarget>;

export type SyntheticTargetName = keyof typeof SYNTHETIC_TARGETS;
export const SYNTHETIC_TARGET_NAMES = Object.keys(SYNTHETIC_TARGETS) as SyntheticTargetName[];
