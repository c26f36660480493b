import { cpus, loadavg, totalmem } from 'node:os';

/** The machine a run was measured on: figures mean nothing without it. */
export function machine(): Array<[string, string]> {
  const cores = cpus();
  return [
    ['date', new Date().toISOString()],
    ['machine', `${cores[0]?.model.trim() ?? 'unknown cpu'} × ${cores.length}, ${(totalmem() / 2 ** 30).toFixed(1)} GiB`],
    ['node', process.version],
    ['platform', `${process.platform} ${process.arch}`],
    // Other work on the machine slows every figure alike; the ratios hold better than the absolute rates.
    ['load average', loadavg().map((l) => l.toFixed(2)).join(' ')],
  ];
}

export const rate = (events: number, seconds: number): string => `${Math.round(events / seconds).toLocaleString('en-US')} events/s`;
export const percent = (part: number, whole: number): string => `${Math.round((100 * part) / whole)}%`;
export const count = (n: number): string => n.toLocaleString('en-US');

/** A plain text table: the first column left-aligned, the others right-aligned. */
export function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
