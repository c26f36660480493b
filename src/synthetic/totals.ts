import { Level } from '../procedures/procedure';
import { shuffled } from './mulberry32';

/** Splits a count by shares, largest remainders first, so that the parts always add up to the count. */
export function splitByShares(total: number, shares: ReadonlyArray<readonly [Level, number]>): Partial<Record<Level, number>> {
  const weight = shares.reduce((sum, [, w]) => sum + w, 0);
  const exact = shares.map(([level, w]) => [level, (total * w) / weight] as const);
  const parts = exact.map(([level, x]) => [level, Math.floor(x)] as [Level, number]);
  const left = total - parts.reduce((sum, [, n]) => sum + n, 0);
  const byRemainder = exact.map(([, x], i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; k < left; k++) parts[byRemainder[k][1]][1]++;
  return Object.fromEntries(parts);
}

/**
 * Scales whole numbers (half days) so that they add up exactly to `total`, each at least 1 and at most its `cap`:
 * proportional first, then the rest handed out one by one in a seeded order. Throws where no such numbers exist.
 */
export function fitTotal(values: readonly number[], total: number, caps: readonly number[], random: () => number): number[] {
  const capTotal = caps.reduce((a, b) => a + b, 0);
  if (!Number.isInteger(total) || total < values.length || total > capTotal) {
    throw new RangeError(`cannot fit ${values.length} values of at least 1 and at most their caps to a total of ${total}`);
  }
  const sum = values.reduce((a, b) => a + b, 0);
  const fitted = values.map((v, i) => Math.min(caps[i], Math.max(1, Math.floor((v * total) / sum))));
  const order = shuffled(values.map((_, i) => i), random);
  let gap = total - fitted.reduce((a, b) => a + b, 0);
  // Each pass moves every value that can move by one; the checks above guarantee the gap closes.
  while (gap !== 0) {
    for (const i of order) {
      if (gap > 0 && fitted[i] < caps[i]) (fitted[i]++, gap--);
      else if (gap < 0 && fitted[i] > 1) (fitted[i]--, gap++);
      if (gap === 0) break;
    }
  }
  return fitted;
}
