import { viNumber } from '../../statistics/vi-number';
import { BarChart } from './document';

const WIDTH = 720;
const BAR_AREA = 600;
const BAR = 12;
const LABEL = 16;
const GAP = 10;
const COLOURS = ['#1f5fa8', '#e08a1e', '#3a9d5d', '#9b4dca', '#c0392b'];

export const escapeXml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Coordinates to two decimals, so that the same chart is always the same text. */
const at = (n: number): string => String(Math.round(n * 100) / 100);

const shown = (chart: BarChart, value: number): string => `${viNumber(value, 3)}${chart.unit === 'percent' ? '%' : ''}`;

/** Whether a chart has anything to draw. */
export const hasBars = (chart: BarChart): boolean => chart.groups.some((g) => g.values.some((v) => v !== null && v > 0));

/**
 * A horizontal bar chart as inline SVG: one group per label, one bar per series, each labelled with its value in
 * Vietnamese format. Percentages are drawn against 100; other units against the largest value.
 */
export function barChartSvg(chart: BarChart): string {
  const values = chart.groups.flatMap((g) => g.values).filter((v): v is number => v !== null);
  const max = chart.unit === 'percent' ? Math.max(100, ...values) : Math.max(1, ...values);
  const legend = chart.series.length > 1 ? LABEL + GAP : 0;
  const groupHeight = LABEL + chart.series.length * (BAR + 2) + GAP;
  const height = legend + chart.groups.length * groupHeight + GAP;
  const parts: string[] = [];
  chart.series.forEach((name, s) => {
    if (chart.series.length < 2) return;
    const x = s * 180;
    parts.push(`<rect x="${x}" y="2" width="10" height="10" fill="${COLOURS[s % COLOURS.length]}"/>`);
    parts.push(`<text x="${x + 14}" y="11">${escapeXml(name)}</text>`);
  });
  chart.groups.forEach((group, g) => {
    const top = legend + g * groupHeight;
    parts.push(`<text x="0" y="${top + 12}" class="label">${escapeXml(group.label)}</text>`);
    group.values.forEach((value, s) => {
      const y = top + LABEL + s * (BAR + 2);
      if (value === null) {
        parts.push(`<text x="0" y="${y + 10}" class="none">—</text>`);
        return;
      }
      const width = (Math.max(0, value) / max) * BAR_AREA;
      parts.push(`<rect x="0" y="${y}" width="${at(width)}" height="${BAR}" fill="${COLOURS[s % COLOURS.length]}"><title>${escapeXml(`${chart.series[s]}: ${shown(chart, value)}`)}</title></rect>`);
      parts.push(`<text x="${at(width + 4)}" y="${y + 10}">${escapeXml(shown(chart, value))}</text>`);
    });
  });
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="${escapeXml(chart.title)}" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="sans-serif" font-size="11">` +
    `<title>${escapeXml(chart.title)}</title>${parts.join('')}</svg>`
  );
}
