import { cellText } from './cell-text';
import { ReportDocument, Section, Table } from './document';
import { barChartSvg, escapeXml, hasBars } from './svg-chart';

const STYLE = `
body{font-family:"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;color:#1d2733;margin:0;background:#f6f7f9}
main{max-width:1180px;margin:0 auto;padding:24px 28px 48px;background:#fff}
h1{font-size:24px;margin:0 0 12px}h2{font-size:19px;margin:32px 0 10px;border-bottom:2px solid #1f5fa8;padding-bottom:4px}
p{margin:6px 0;line-height:1.45}p.note{color:#46515e;font-size:13px}
nav ol{columns:2;font-size:14px}figure{margin:14px 0;overflow-x:auto}figcaption{font-size:13px;font-weight:600;margin-bottom:4px}
.table{overflow-x:auto;margin:12px 0 18px}table{border-collapse:collapse;font-size:12.5px;min-width:40%}
caption{text-align:left;font-weight:600;padding:4px 0;font-size:13.5px}
th,td{border:1px solid #d5dae1;padding:4px 7px;vertical-align:top}th{background:#eef2f7;text-align:left}
td.num{text-align:right;white-space:nowrap}td.empty{color:#98a2ae;font-style:italic}
svg text.label{font-weight:600}svg text.none{fill:#98a2ae}p.warning{color:#a40000;font-weight:700}
`.trim();

function table(t: Table): string {
  const head = `<thead><tr>${t.columns.map((c) => `<th scope="col">${escapeXml(c.label)}</th>`).join('')}</tr></thead>`;
  const body = t.rows.length
    ? t.rows.map((row) => `<tr>${row.map((cell, i) => `<td${t.columns[i].numeric ? ' class="num"' : ''}>${escapeXml(cellText(cell))}</td>`).join('')}</tr>`).join('')
    : `<tr><td class="empty" colspan="${t.columns.length}">Không có số liệu.</td></tr>`;
  return `<div class="table"><table id="${t.id}"><caption>${escapeXml(t.caption)}</caption>${head}<tbody>${body}</tbody></table></div>`;
}

function section(s: Section): string {
  const charts = s.charts.filter(hasBars).map((c) => `<figure id="${c.id}"><figcaption>${escapeXml(c.title)}</figcaption>${barChartSvg(c)}</figure>`);
  return `<section id="${s.id}"><h2>${escapeXml(s.title)}</h2>${s.notes.map((n) => `<p class="note">${escapeXml(n)}</p>`).join('')}${charts.join('')}${s.tables.map(table).join('')}</section>`;
}

/** The report as one self-contained HTML page: styles and charts inline, no script, nothing fetched. */
export function renderHtml(doc: ReportDocument): string {
  const toc = `<nav><ol>${doc.sections.map((s) => `<li><a href="#${s.id}">${escapeXml(s.title.replace(/^\d+\.\s*/, ''))}</a></li>`).join('')}</ol></nav>`;
  return (
    '<!DOCTYPE html>\n' +
    `<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeXml(doc.title)}</title><style>${STYLE}</style></head>` +
    `<body><main><h1>${escapeXml(doc.title)}</h1>${doc.lines.map((l) => `<p${l.startsWith('CẢNH BÁO') ? ' class="warning"' : ''}>${escapeXml(l)}</p>`).join('')}${toc}${doc.sections.map(section).join('\n')}</main></body></html>\n`
  );
}
