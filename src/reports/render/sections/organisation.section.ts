import { UNIT_LEVELS } from '../../../organisation/unit';
import { AnnualReport } from '../../annual-report';
import { Section, text, viDate } from '../document';
import { CATEGORY_VI, levelVi, REORGANISATION_VI } from '../labels';

export function organisationSection(report: AnnualReport): Section {
  const { start, end, reorganisations, published } = report.organisation;
  const scope = (p: (typeof published)[number]) => [p.level && levelVi(p.level), p.category && CATEGORY_VI[p.category]].filter(Boolean).join(', ') || 'Tất cả';
  return {
    id: 'to-chuc-bo-may',
    title: '3. Tổ chức bộ máy',
    notes: [
      'Số đầu mối theo sổ là các đơn vị đã ghi chi tiết; số liệu công bố không kèm danh sách đơn vị được ghi như nguồn và đối chiếu với sổ.',
      ...(report.unit ? ['Phần này là của toàn sổ, không lọc theo đơn vị báo cáo.'] : []),
    ],
    tables: [
      {
        id: 'dau-moi-theo-cap',
        caption: 'Số đầu mối đang hoạt động theo sổ',
        columns: [{ label: 'Cấp' }, { label: viDate(start.asOf), numeric: true }, { label: viDate(end.asOf), numeric: true }],
        rows: [...UNIT_LEVELS.map((level) => [levelVi(level), start.byLevel[level], end.byLevel[level]]), ['Tổng cộng', start.total, end.total]],
      },
      {
        id: 'sap-xep-trong-nam',
        caption: `Sắp xếp bộ máy có hiệu lực trong năm ${report.year} (theo sổ)`,
        columns: [{ label: 'Loại' }, { label: 'Quyết định' }, { label: 'Ngày hiệu lực' }, { label: 'Số đơn vị', numeric: true }, { label: 'Số thủ tục đi theo', numeric: true }],
        rows: reorganisations.map((r) => [REORGANISATION_VI[r.kind] ?? r.kind, r.decision.number, viDate(r.effectiveDate), r.units, r.procedures]),
      },
      {
        id: 'dau-moi-cong-bo',
        caption: 'Số đầu mối trước và sau sắp xếp do địa phương công bố (theo nguồn), đối chiếu với sổ',
        columns: [
          { label: 'Quyết định' },
          { label: 'Ngày hiệu lực' },
          { label: 'Phạm vi' },
          { label: 'Trước sắp xếp', numeric: true },
          { label: 'Sau sắp xếp', numeric: true },
          { label: 'Thay đổi', numeric: true },
          { label: 'Theo sổ: trước', numeric: true },
          { label: 'Theo sổ: sau', numeric: true },
          { label: 'Khớp với sổ' },
          { label: 'Nguồn' },
        ],
        rows: published.map((p) => [p.decision.number, viDate(p.effectiveDate), scope(p), p.before, p.after, p.after - p.before, p.registryBefore, p.registryAfter, p.reconciled ? 'Khớp' : p.registryBefore === 0 && p.registryAfter === 0 ? 'Sổ chưa có chi tiết đơn vị' : 'Chưa khớp', text(p.source)]),
      },
    ],
    charts: [
      {
        id: 'bieu-do-dau-moi',
        title: 'Số đầu mối trước và sau sắp xếp (công bố)',
        unit: 'count',
        series: ['Trước sắp xếp', 'Sau sắp xếp'],
        groups: published.map((p) => ({ label: scope(p), values: [p.before, p.after] })),
      },
    ],
  };
}
