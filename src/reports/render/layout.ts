import { AnnualReport } from '../annual-report';
import { ReportDocument, viDate } from './document';
import { campaignsSection } from './sections/campaigns.section';
import { dossiersSection } from './sections/dossiers.section';
import { findingsSection } from './sections/findings.section';
import { indicesSection } from './sections/indices.section';
import { moneySection } from './sections/money.section';
import { onlineServicesSection } from './sections/online-services.section';
import { organisationSection } from './sections/organisation.section';
import { proceduresSection } from './sections/procedures.section';
import { processingTimesSection } from './sections/processing-times.section';

/** The annual report laid out in sections; every format (Markdown, HTML, CSV) renders this one layout. */
export function layoutReport(report: AnnualReport): ReportDocument {
  return {
    title: `Báo cáo cải cách hành chính năm ${report.year}${report.unit ? ` – ${report.unit}` : ''}`,
    lines: [
      `Số liệu có hiệu lực đến ngày ${viDate(report.asOf)}, dựng lại từ ${report.basis.eventsConsidered} sự kiện trong sổ (mã kiểm tra SHA-256 ${report.basis.digest}).`,
      ...(report.basis.syntheticEvents
        ? [`CẢNH BÁO: ${report.basis.syntheticEvents} sự kiện trong số này là DỮ LIỆU MÔ PHỎNG do “ledger generate” tạo ra (người ghi “generator”), không phải số liệu thật.`]
        : []),
      ...(report.unit ? [`Số liệu báo cáo của đơn vị: ${report.unit}.`] : []),
      'Mọi số liệu hoặc được ghi đúng như nguồn (ghi rõ nguồn), hoặc do sổ tính từ các sự kiện đã ghi (ghi rõ “theo sổ”, “sổ tính”).',
    ],
    sections: [
      proceduresSection(report),
      processingTimesSection(report),
      organisationSection(report),
      dossiersSection(report),
      onlineServicesSection(report),
      indicesSection(report),
      campaignsSection(report),
      moneySection(report),
      findingsSection(report),
      {
        id: 'nguon',
        title: '10. Nguồn',
        notes: report.sources.length ? [] : ['Không có số liệu công bố nào trong năm này.'],
        tables: [{ id: 'danh-sach-nguon', caption: 'Các nguồn được trích dẫn', columns: [{ label: 'Tệp nguồn' }], rows: report.sources.map((s) => [s]) }],
        charts: [],
      },
    ],
  };
}
