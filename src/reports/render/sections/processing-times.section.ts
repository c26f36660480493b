import { Level, LEVELS } from '../../../procedures/procedure';
import { ReductionGroup } from '../../../procedures/reductions/reduction-summary';
import { ProcessingTimeFigures } from '../../../statistics/figures';
import { AnnualReport } from '../../annual-report';
import { count, percent, Section, text, viDate } from '../document';
import { levelVi } from '../labels';

const byLevelOrder = (groups: readonly ReductionGroup[]): ReductionGroup[] => [...groups].sort((a, b) => LEVELS.indexOf(a.key as Level) - LEVELS.indexOf(b.key as Level));

export function processingTimesSection(report: AnnualReport): Section {
  const { inForceTotal, cutsInYear, published } = report.processingTimes;
  const inForceByLevel = byLevelOrder(report.processingTimes.inForceByLevel);
  return {
    id: 'thoi-gian-giai-quyet',
    title: '2. Thời gian giải quyết thủ tục hành chính',
    notes: [
      'Tỷ lệ cắt giảm = số ngày cắt giảm / tổng thời gian quy định; sổ tính đến ba chữ số thập phân. Số công bố được giữ nguyên như nguồn và đặt cạnh số sổ tính lại, không làm tròn lại cho khớp.',
    ],
    tables: [
      {
        id: 'thoi-gian-theo-cap',
        caption: `Thời gian quy định và thời gian công bố của các thủ tục có hiệu lực ngày ${viDate(report.asOf)} (theo sổ)`,
        columns: [
          { label: 'Cấp' },
          { label: 'Số thủ tục', numeric: true },
          { label: 'Thời gian quy định (ngày)', numeric: true },
          { label: 'Thời gian công bố (ngày)', numeric: true },
          { label: 'Số ngày cắt giảm', numeric: true },
          { label: 'Tỷ lệ cắt giảm', numeric: true },
        ],
        rows: [...inForceByLevel, { ...inForceTotal, key: 'Tổng cộng' }].map((g) => [g.key === 'Tổng cộng' ? g.key : levelVi(g.key), g.count, g.beforeDays, g.afterDays, g.daysCut, { percent: g.percentCut }]),
      },
      {
        id: 'cat-giam-trong-nam',
        caption: `Cắt giảm thời gian có hiệu lực trong năm ${report.year} (theo sổ)`,
        columns: [
          { label: 'Số lần cắt giảm', numeric: true },
          { label: 'Số ngày trước', numeric: true },
          { label: 'Số ngày sau', numeric: true },
          { label: 'Số ngày cắt giảm', numeric: true },
          { label: 'Tỷ lệ cắt giảm', numeric: true },
        ],
        rows: [[cutsInYear.count, cutsInYear.beforeDays, cutsInYear.afterDays, cutsInYear.daysCut, { percent: cutsInYear.percentCut }]],
      },
      {
        id: 'thoi-gian-cong-bo',
        caption: 'Tổng thời gian do địa phương công bố (theo nguồn) và tỷ lệ sổ tính lại từ số ngày',
        columns: [
          { label: 'Đơn vị' },
          { label: 'Kỳ' },
          { label: 'Thời gian quy định (ngày)', numeric: true },
          { label: 'Thời gian công bố (ngày)', numeric: true },
          { label: 'Số ngày cắt giảm (nguồn)', numeric: true },
          { label: 'Tỷ lệ cắt giảm (nguồn)', numeric: true },
          { label: 'Tỷ lệ cắt giảm (sổ tính lại)', numeric: true },
          { label: 'Nguồn' },
        ],
        rows: published.map(({ report: r, computed }) => {
          const f = r.figures as ProcessingTimeFigures;
          const stated = f.percentCut === undefined ? null : f.percentIsLowerBound ? `trên ${f.percentCut}%` : { percent: f.percentCut };
          return [r.unit, r.period.label, count(f.statutoryDays), count(f.announcedDays), count(f.daysCut), stated, computed ? percent(computed.percentCut) : null, text(r.source)];
        }),
      },
    ],
    charts: [
      {
        id: 'bieu-do-thoi-gian',
        title: 'Thời gian quy định và thời gian công bố (ngày)',
        unit: 'days',
        series: ['Thời gian quy định', 'Thời gian công bố'],
        groups: [
          ...inForceByLevel.map((g) => ({ label: `${levelVi(g.key)} (sổ)`, values: [g.beforeDays, g.afterDays] })),
          ...published
            .filter(({ report: r }) => (r.figures as ProcessingTimeFigures).statutoryDays !== undefined && (r.figures as ProcessingTimeFigures).announcedDays !== undefined)
            .map(({ report: r }) => ({ label: `${r.unit} (công bố)`, values: [(r.figures as ProcessingTimeFigures).statutoryDays!, (r.figures as ProcessingTimeFigures).announcedDays!] })),
        ],
      },
    ],
  };
}
