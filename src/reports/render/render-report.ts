import { AnnualReport } from '../annual-report';
import { ReportFormat } from '../annual-report.query';
import { renderCsv } from './csv';
import { renderHtml } from './html';
import { layoutReport } from './layout';
import { renderMarkdown } from './markdown';

export const CONTENT_TYPES: Readonly<Record<ReportFormat, string>> = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
};

/** The report in a format, as text: the same report always gives the same text, byte for byte. */
export function renderReport(report: AnnualReport, format: ReportFormat): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(report, null, 2)}\n`;
    case 'md':
      return renderMarkdown(layoutReport(report));
    case 'html':
      return renderHtml(layoutReport(report));
    case 'csv':
      return renderCsv(layoutReport(report));
  }
}
