import { IndexScoreFigures } from '../../../statistics/figures';
import { SERVICE_INDEX_766_GROUPS } from '../../../statistics/service-index-766';
import { AnnualReport } from '../../annual-report';
import { Cell, count, Section, text } from '../document';
import { INDEX_VI, levelVi } from '../labels';

const ratingsOf = (f: IndexScoreFigures): Cell => {
  const r = f.ratings;
  if (!r) return null;
  const bands = ([['tốt', r.good], ['khá', r.fair], ['trung bình', r.average], ['yếu', r.weak]] as const).filter(([, n]) => n !== undefined);
  return `${bands.map(([name, n]) => `${n} ${name}`).join(', ')} / ${r.ofUnits}`;
};

export function indicesSection(report: AnnualReport): Section {
  const lines = report.indices;
  // Decision 766 defines six groups: a score without its group scores still shows what it is made of.
  const groupRows = lines.flatMap(({ report: r }) => {
    const f = r.figures as IndexScoreFigures;
    const stated = f.groups ?? [];
    const groups = f.index === 'SERVICE_INDEX_766' ? SERVICE_INDEX_766_GROUPS.map((g) => ({ ...g, ...stated.find((s) => s.key === g.key) })) : stated;
    return groups.map((g): Cell[] => [INDEX_VI[f.index], r.unit, r.period.label, g.label, count(g.score), count(g.maxScore), g.rank ? `${g.rank.rank}/${g.rank.of}` : null]);
  });
  return {
    id: 'chi-so',
    title: '6. Chỉ số đánh giá',
    notes: ['“Thay đổi (nguồn)” là mức tăng báo cáo nêu; “Thay đổi (sổ tính)” là điểm trừ điểm kỳ trước cùng chuỗi đã ghi trong sổ.'],
    tables: [
      {
        id: 'chi-so-theo-bao-cao',
        caption: `Chỉ số có số liệu trong năm ${report.year} (theo nguồn)`,
        columns: [
          { label: 'Chỉ số' },
          { label: 'Đơn vị' },
          { label: 'Cấp' },
          { label: 'Kỳ' },
          { label: 'Điểm', numeric: true },
          { label: 'Điểm tối đa', numeric: true },
          { label: 'Thứ hạng', numeric: true },
          { label: 'Thay đổi (nguồn)', numeric: true },
          { label: 'Thay đổi (sổ tính)', numeric: true },
          { label: 'Xếp loại' },
          { label: 'Nguồn' },
        ],
        rows: lines.map(({ report: r, change }) => {
          const f = r.figures as IndexScoreFigures;
          return [INDEX_VI[f.index], r.unit, levelVi(r.level), r.period.label, count(f.score), count(f.maxScore), f.rank ? `${f.rank.rank}/${f.rank.of}` : null, count(f.statedChange), count(change), ratingsOf(f), text(r.source)];
        }),
      },
      {
        id: 'chi-so-thanh-phan',
        caption: 'Thành phần của các chỉ số',
        columns: [{ label: 'Chỉ số' }, { label: 'Đơn vị' }, { label: 'Kỳ' }, { label: 'Thành phần' }, { label: 'Điểm', numeric: true }, { label: 'Tối đa', numeric: true }, { label: 'Thứ hạng', numeric: true }],
        rows: groupRows,
      },
    ],
    charts: [
      {
        id: 'bieu-do-chi-so',
        title: 'Điểm chỉ số',
        unit: 'score',
        series: ['Điểm'],
        groups: lines
          .filter(({ report: r }) => (r.figures as IndexScoreFigures).score !== undefined)
          .map(({ report: r }) => ({ label: `${(r.figures as IndexScoreFigures).index} – ${r.unit} – ${levelVi(r.level)} – ${r.period.label}`, values: [(r.figures as IndexScoreFigures).score!] })),
      },
    ],
  };
}
