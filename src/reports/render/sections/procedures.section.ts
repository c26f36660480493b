import { LEVELS } from '../../../procedures/procedure';
import { CatalogueFigures } from '../../../statistics/figures';
import { AnnualReport, CHANGE_KINDS } from '../../annual-report';
import { count, Section, text, viDate } from '../document';
import { CHANGE_KIND_VI, levelVi } from '../labels';

export function proceduresSection(report: AnnualReport): Section {
  const { inForce, changesByKind, byDecision, published } = report.procedures;
  const year = report.year;
  return {
    id: 'thu-tuc-hanh-chinh',
    title: '1. Thủ tục hành chính',
    notes: [
      inForce.total === 0
        ? `Sổ chưa ghi chi tiết thủ tục nào có hiệu lực đến ${viDate(report.asOf)}; số liệu công bố được ghi đúng theo nguồn, không kèm danh mục thủ tục.`
        : `Thủ tục có hiệu lực ngày ${viDate(report.asOf)} theo các sự kiện đã ghi trong sổ.`,
    ],
    tables: [
      {
        id: 'thu-tuc-theo-cap',
        caption: `Thủ tục hành chính có hiệu lực ngày ${viDate(report.asOf)}, theo cấp (theo sổ)`,
        columns: [{ label: 'Cấp' }, { label: 'Số thủ tục', numeric: true }],
        rows: [...LEVELS.map((level) => [levelVi(level), inForce.byLevel[level]]), ['Tổng cộng', inForce.total]],
      },
      {
        id: 'thay-doi-theo-loai',
        caption: `Thay đổi có hiệu lực trong năm ${year}, theo loại (theo sổ)`,
        columns: [{ label: 'Loại thay đổi' }, { label: 'Số sự kiện', numeric: true }],
        rows: CHANGE_KINDS.map((kind) => [CHANGE_KIND_VI[kind], changesByKind[kind]]),
      },
      {
        id: 'thay-doi-theo-quyet-dinh',
        caption: `Thay đổi trong năm ${year}, theo quyết định`,
        columns: [
          { label: 'Quyết định' },
          { label: 'Ngày ký' },
          { label: 'Cơ quan ban hành' },
          { label: 'Ngày hiệu lực' },
          { label: 'Mới', numeric: true },
          { label: 'Sửa đổi, bổ sung', numeric: true },
          { label: 'Thay thế', numeric: true },
          { label: 'Bãi bỏ', numeric: true },
          { label: 'Lần cắt giảm thời gian', numeric: true },
          { label: 'Số ngày cắt giảm', numeric: true },
        ],
        rows: byDecision.map((d) => [d.decision.number, viDate(d.decision.date), d.decision.issuer, viDate(d.effectiveDate), d.new, d.amended, d.replaced, d.abolished, d.cuts, d.daysCut]),
      },
      {
        id: 'thu-tuc-cong-bo',
        caption: 'Số liệu thủ tục do địa phương công bố (theo nguồn)',
        columns: [
          { label: 'Đơn vị' },
          { label: 'Kỳ' },
          { label: 'Tổng số TTHC', numeric: true },
          { label: 'Cấp tỉnh', numeric: true },
          { label: 'Cấp huyện', numeric: true },
          { label: 'Cấp xã', numeric: true },
          { label: 'Liên thông', numeric: true },
          { label: 'Tiếp nhận tại Trung tâm PVHCC', numeric: true },
          { label: '“4 tại chỗ”', numeric: true },
          { label: 'Công khai trên CSDL quốc gia', numeric: true },
          { label: 'Quyết định công bố', numeric: true },
          { label: 'Sửa đổi, bổ sung', numeric: true },
          { label: 'Bãi bỏ', numeric: true },
          { label: 'Thay thế', numeric: true },
          { label: 'Nguồn' },
        ],
        rows: published.map((r) => {
          const f = r.figures as CatalogueFigures;
          return [
            r.unit,
            r.period.label,
            count(f.procedures),
            count(f.byLevel?.province),
            count(f.byLevel?.district),
            count(f.byLevel?.commune),
            count(f.interLevel),
            count(f.atServiceCentre?.count),
            count(f.fourOnTheSpot?.count),
            count(f.publishedNationally?.count),
            count(f.announcements?.decisions),
            count(f.announcements?.amended),
            count(f.announcements?.abolished),
            count(f.announcements?.replaced),
            text(r.source),
          ];
        }),
      },
    ],
    charts: [
      {
        id: 'bieu-do-thu-tuc-theo-cap',
        title: 'Thủ tục hành chính theo cấp',
        unit: 'count',
        series: ['Theo sổ (31/12)', ...published.filter((r) => (r.figures as CatalogueFigures).byLevel).map((r) => `Công bố: ${r.period.label}`)],
        groups: (['province', 'district', 'commune'] as const).map((level) => ({
          label: levelVi(level),
          values: [inForce.byLevel[level], ...published.filter((r) => (r.figures as CatalogueFigures).byLevel).map((r) => (r.figures as CatalogueFigures).byLevel![level] ?? null)],
        })),
      },
    ],
  };
}
