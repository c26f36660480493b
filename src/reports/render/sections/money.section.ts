import { AmountFigures } from '../../../statistics/figures';
import { ReportView } from '../../../statistics/read/report.views';
import { AnnualReport } from '../../annual-report';
import { Cell, count, Section, text, viDate } from '../document';

const rowsOf = (kind: string, reports: readonly ReportView[]): Cell[][] =>
  reports.flatMap((r) => {
    const f = r.figures as AmountFigures;
    const since = f.since ? `từ ${viDate(f.since)}` : r.period.label;
    return [
      [kind, r.unit, since, 'Tổng', count(f.transactions), count(f.amountBillionVnd), text(r.source)],
      ...(f.parts ?? []).map((p): Cell[] => [kind, r.unit, since, p.label, count(p.transactions), count(p.amountBillionVnd), text(r.source)]),
    ];
  });

export function moneySection(report: AnnualReport): Section {
  return {
    id: 'thanh-toan-tiet-kiem',
    title: '8. Thanh toán trực tuyến và chi phí tiết kiệm',
    notes: [],
    tables: [
      {
        id: 'thanh-toan-tiet-kiem',
        caption: 'Theo nguồn; số tiền tính bằng tỷ đồng',
        columns: [{ label: 'Loại' }, { label: 'Đơn vị' }, { label: 'Kỳ' }, { label: 'Khoản' }, { label: 'Số giao dịch', numeric: true }, { label: 'Số tiền (tỷ đồng)', numeric: true }, { label: 'Nguồn' }],
        rows: [...rowsOf('Thanh toán trực tuyến', report.payments), ...rowsOf('Chi phí tiết kiệm', report.savings)],
      },
    ],
    charts: [],
  };
}
