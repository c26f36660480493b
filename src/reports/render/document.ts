/**
 * The annual report laid out for reading: sections of tables and charts with Vietnamese labels. Cells keep numbers
 * as numbers, so each format writes them its own way (27.843,5 on the page, 27843.5 in a CSV).
 */
export type Cell = string | number | { readonly percent: number } | null;

export interface Column {
  readonly label: string;
  readonly numeric?: boolean;
}

export interface Table {
  readonly id: string;
  readonly caption: string;
  readonly columns: readonly Column[];
  readonly rows: ReadonlyArray<readonly Cell[]>;
}

export interface BarChart {
  readonly id: string;
  readonly title: string;
  readonly unit: 'percent' | 'count' | 'days' | 'score';
  /** The names of the bars in each group (one series: a plain bar chart). */
  readonly series: readonly string[];
  readonly groups: ReadonlyArray<{ readonly label: string; readonly values: ReadonlyArray<number | null> }>;
}

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly notes: readonly string[];
  readonly tables: readonly Table[];
  readonly charts: readonly BarChart[];
}

export interface ReportDocument {
  readonly title: string;
  readonly lines: readonly string[];
  readonly sections: readonly Section[];
}

export const percent = (value: number | undefined): Cell => (value === undefined ? null : { percent: value });
export const count = (value: number | undefined): Cell => (value === undefined ? null : value);
export const text = (value: string | undefined): Cell => value ?? null;

/** `2022-06-18` → `18/06/2022`, as dates are written in Vietnamese documents. */
export const viDate = (date: string | undefined): string => (date ? date.split('-').reverse().join('/') : '');
