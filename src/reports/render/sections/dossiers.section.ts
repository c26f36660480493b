import { DossierFigures } from '../../../statistics/figures';
import { AnnualReport } from '../../annual-report';
import { count, percent, Section, text } from '../document';
import { levelVi } from '../labels';

export function dossiersSection(report: AnnualReport): Section {
  const lines = report.dossiers;
  return {
    id: 'ho-so',
    title: '4. Tình hình giải quyết hồ sơ thủ tục hành chính',
    notes: ['“Tỷ lệ đúng hạn (sổ tính)” = hồ sơ đúng hạn / hồ sơ đã giải quyết, tính từ các số đếm của báo cáo; “(nguồn)” là tỷ lệ báo cáo nêu.'],
    tables: [
      {
        id: 'ho-so-theo-bao-cao',
        caption: `Hồ sơ thủ tục hành chính theo các báo cáo có số liệu trong năm ${report.year}`,
        columns: [
          { label: 'Đơn vị' },
          { label: 'Cấp' },
          { label: 'Kỳ báo cáo' },
          { label: 'Tiếp nhận', numeric: true },
          { label: 'Tiếp nhận mới', numeric: true },
          { label: 'Kỳ trước chuyển sang', numeric: true },
          { label: 'Đã giải quyết', numeric: true },
          { label: 'Đúng hạn', numeric: true },
          { label: 'Trễ hạn', numeric: true },
          { label: 'Tỷ lệ đúng hạn (sổ tính)', numeric: true },
          { label: 'Tỷ lệ đúng hạn (nguồn)', numeric: true },
          { label: 'Tỷ lệ trễ hạn (nguồn)', numeric: true },
          { label: 'Đang giải quyết', numeric: true },
          { label: 'Đang giải quyết quá hạn', numeric: true },
          { label: 'Nguồn' },
        ],
        rows: lines.map(({ report: r, received, onTime, late, onTimeRate }) => {
          const f = r.figures as DossierFigures;
          return [
            r.unit,
            levelVi(r.level),
            r.period.label,
            count(received),
            count(f.receivedNew),
            count(f.carriedOver),
            count(f.resolved),
            count(onTime),
            count(late),
            percent(onTimeRate),
            percent(f.onTimePercent),
            percent(f.latePercent),
            count(f.pending),
            count(f.pendingOverdue),
            text(r.source),
          ];
        }),
      },
    ],
    charts: [
      {
        id: 'bieu-do-ty-le-dung-han',
        title: 'Tỷ lệ đúng hạn (%)',
        unit: 'percent',
        series: ['Tỷ lệ đúng hạn'],
        groups: lines
          .map(({ report: r, onTimeRate }) => ({ label: `${r.unit} – ${levelVi(r.level)} – ${r.period.label}`, value: onTimeRate ?? (r.figures as DossierFigures).onTimePercent }))
          .filter((g) => g.value !== undefined)
          .map((g) => ({ label: g.label, values: [g.value!] })),
      },
    ],
  };
}
