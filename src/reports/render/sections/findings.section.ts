import { AnnualReport } from '../../annual-report';
import { Section, text, viDate } from '../document';
import { labelVi } from '../../../statistics/field-labels';
import { levelVi, REPORT_KIND_VI, SEVERITY_VI } from '../labels';

export function findingsSection(report: AnnualReport): Section {
  const findings = report.findings;
  const discrepancies = findings.filter((f) => f.severity === 'discrepancy').length;
  return {
    id: 'so-lieu-khong-khop',
    title: '9. Số liệu không khớp',
    notes: [
      `${discrepancies} số liệu không khớp, ${findings.length - discrepancies} số liệu làm tròn khác cách tính. Số liệu được ghi đúng như nguồn; sổ không sửa và không loại bỏ số nào.`,
    ],
    tables: [
      {
        id: 'danh-sach-khong-khop',
        caption: `Kết quả kiểm tra tính nhất quán của các báo cáo có số liệu trong năm ${report.year}`,
        columns: [
          { label: 'STT', numeric: true },
          { label: 'Mức độ' },
          { label: 'Báo cáo' },
          { label: 'Chỉ tiêu' },
          { label: 'Số nêu', numeric: true },
          { label: 'Số tính từ các số khác', numeric: true },
          { label: 'Chênh lệch', numeric: true },
          { label: 'Diễn giải' },
          { label: 'Nguồn' },
          { label: 'So với' },
        ],
        rows: findings.map((f, i) => [
          i + 1,
          SEVERITY_VI[f.severity],
          `${REPORT_KIND_VI[f.report.kind]} – ${f.report.unit} – ${levelVi(f.report.level)} – ${f.report.period} (${viDate(f.report.effectiveDate)})`,
          labelVi(f.field),
          f.stated,
          f.computed,
          f.difference,
          f.messageVi,
          text(f.report.source),
          f.against ? `${f.against.source ?? ''} – ${f.against.period} (${viDate(f.against.effectiveDate)})` : null,
        ]),
      },
    ],
    charts: [],
  };
}
