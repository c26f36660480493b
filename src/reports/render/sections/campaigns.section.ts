import { AnnualReport } from '../../annual-report';
import { Cell, Section, text, viDate } from '../document';

export function campaignsSection(report: AnnualReport): Section {
  const campaigns = report.campaigns;
  const value = (unit: string, n: number | undefined): Cell => (n === undefined ? null : unit === 'percent' ? { percent: n } : n);
  return {
    id: 'chien-dich',
    title: '7. Chiến dịch: chỉ tiêu và kết quả',
    notes: campaigns.map((c) => `${c.name} — ${c.plan.number} ngày ${viDate(c.plan.date)}, từ ${viDate(c.period.from)} đến ${viDate(c.period.to)}${c.deadline ? `, hạn ${viDate(c.deadline)}` : ''}.`),
    tables: [
      {
        id: 'chi-tieu-ket-qua',
        caption: `Chỉ tiêu và kết quả mới nhất đến ${viDate(report.asOf)}`,
        columns: [
          { label: 'Chiến dịch' },
          { label: 'Chỉ tiêu' },
          { label: 'Mục tiêu', numeric: true },
          { label: 'Ban đầu', numeric: true },
          { label: 'Kết quả', numeric: true },
          { label: 'Đánh giá' },
          { label: 'Ngày số liệu' },
          { label: 'Nguồn' },
        ],
        rows: campaigns.flatMap((c) =>
          c.targets.map((t): Cell[] => [
            c.campaignId,
            t.label,
            value(t.unit, t.value),
            value(t.unit, t.baseline),
            value(t.unit, t.result),
            t.met === undefined ? 'Chưa có số liệu' : t.met ? 'Đạt' : 'Chưa đạt',
            t.resultAsOf ? viDate(t.resultAsOf) : null,
            text(t.resultSource ?? c.source),
          ]),
        ),
      },
      {
        id: 'ket-qua-chi-tiet',
        caption: 'Kết quả chi tiết theo cấp, đơn vị',
        columns: [{ label: 'Chiến dịch' }, { label: 'Chỉ tiêu' }, { label: 'Cấp, đơn vị' }, { label: 'Ban đầu', numeric: true }, { label: 'Kết quả', numeric: true }],
        rows: campaigns.flatMap((c) => c.targets.flatMap((t) => (t.breakdown ?? []).map((p): Cell[] => [c.campaignId, t.key, p.label, value(t.unit, p.baseline), value(t.unit, p.value)]))),
      },
    ],
    charts: campaigns.map((c) => ({
      id: `bieu-do-${c.campaignId}`,
      title: `${c.campaignId}: mục tiêu và kết quả`,
      unit: 'percent' as const,
      series: ['Mục tiêu', 'Kết quả'],
      groups: c.targets.filter((t) => t.unit === 'percent').map((t) => ({ label: t.key, values: [t.value, t.result ?? null] })),
    })),
  };
}
