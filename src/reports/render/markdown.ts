import { cellText } from './cell-text';
import { ReportDocument, Table } from './document';

const escapeCell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function table(t: Table): string[] {
  if (t.rows.length === 0) return [`**${t.caption}**`, '', '_Không có số liệu._', ''];
  return [
    `**${t.caption}**`,
    '',
    `| ${t.columns.map((c) => escapeCell(c.label)).join(' | ')} |`,
    `| ${t.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`,
    ...t.rows.map((row) => `| ${row.map((cell) => escapeCell(cellText(cell))).join(' | ')} |`),
    '',
  ];
}

/** The report as Markdown: headings, notes and tables; charts are left to the HTML report. */
export function renderMarkdown(doc: ReportDocument): string {
  const lines = [`# ${doc.title}`, '', ...doc.lines.flatMap((line) => [line, '']), '_Biểu đồ có trong bản HTML._', ''];
  for (const section of doc.sections) {
    lines.push(`## ${section.title}`, '');
    for (const note of section.notes) lines.push(`> ${note}`, '');
    for (const t of section.tables) lines.push(...table(t));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
