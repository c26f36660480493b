/**
 * Numbers as Vietnamese readers write them: `.` between thousands and `,` before decimals (27.843,5).
 * Formatters are built once: creating an Intl.NumberFormat is slow, and reports format thousands of numbers.
 */
const formats = new Map<number, Intl.NumberFormat>();

export function viNumber(value: number, maxDecimals = 3): string {
  let format = formats.get(maxDecimals);
  if (!format) {
    format = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: maxDecimals, useGrouping: true });
    formats.set(maxDecimals, format);
  }
  // Intl writes a minus sign (U+2212) for negatives in some locales; keep ASCII so the text diffs and greps cleanly.
  return format.format(value).replace('\u2212', '-');
}

export const viPercent = (value: number, maxDecimals = 2): string => `${viNumber(value, maxDecimals)}%`;
