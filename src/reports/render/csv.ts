import { cellValue } from './cell-text';
import { ReportDocument } from './document';

const quote = (field: string): string => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);

/**
 * The report as one CSV of every table cell, one line each: section, table, row number, row label (its first cell),
 * column and value. Numbers are plain (27843.5) so that spreadsheets read them as numbers; text is UTF-8.
 */
export function renderCsv(doc: ReportDocument): string {
  const lines = [['section', 'table', 'row', 'row_label', 'column', 'value'].join(',')];
  for (const section of doc.sections) {
    for (const table of section.tables) {
      table.rows.forEach((row, r) => {
        row.forEach((cell, c) => {
          if (c === 0 && table.columns.length > 1) return;
          lines.push([section.id, table.id, String(r + 1), cellValue(row[0]), table.columns[c].label, cellValue(cell)].map(quote).join(','));
        });
      });
    }
  }
  return `${lines.join('\n')}\n`;
}
