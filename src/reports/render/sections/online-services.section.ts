import { OnlineServiceFigures } from '../../../statistics/figures';
import { AnnualReport } from '../../annual-report';
import { count, percent, Section, text } from '../document';
import { levelVi } from '../labels';

export function onlineServicesSection(report: AnnualReport): Section {
  const reports = report.onlineServices;
  const rank = (f: OnlineServiceFigures) => (f.portalRank ? `${f.portalRank.rank}/${f.portalRank.of}` : null);
  return {
    id: 'dich-vu-cong-truc-tuyen',
    title: '5. Dịch vụ công trực tuyến',
    notes: [],
    tables: [
      {
        id: 'dvc-theo-bao-cao',
        caption: `Dịch vụ công trực tuyến theo các báo cáo có số liệu trong năm ${report.year} (theo nguồn)`,
        columns: [
          { label: 'Đơn vị' },
          { label: 'Cấp' },
          { label: 'Kỳ' },
          { label: 'Tổng số DVC', numeric: true },
          { label: 'Toàn trình', numeric: true },
          { label: 'Một phần', numeric: true },
          { label: 'DVC trực tuyến', numeric: true },
          { label: 'Tỷ lệ DVC trực tuyến', numeric: true },
          { label: 'Kết nối Cổng DVCQG', numeric: true },
          { label: 'Tỷ lệ kết nối', numeric: true },
          { label: 'Xếp hạng', numeric: true },
          { label: 'DVC phát sinh hồ sơ', numeric: true },
          { label: 'Tỷ lệ phát sinh hồ sơ', numeric: true },
          { label: 'Hồ sơ xử lý trực tuyến', numeric: true },
          { label: 'Tiếp nhận trực tuyến', numeric: true },
          { label: 'Số hóa', numeric: true },
          { label: 'Nguồn' },
        ],
        rows: reports.map((r) => {
          const f = r.figures as OnlineServiceFigures;
          return [
            r.unit,
            levelVi(r.level),
            r.period.label,
            count(f.servicesTotal),
            count(f.fullyOnline),
            count(f.partlyOnline),
            count(f.onlineTotal),
            percent(f.onlinePercent),
            count(f.connectedToPortal),
            percent(f.connectedPercent),
            rank(f),
            count(f.servicesWithDossiers),
            percent(f.servicesWithDossiersPercent),
            percent(f.processedOnlinePercent),
            percent(f.receivedOnlinePercent),
            percent(f.digitisationPercent),
            text(r.source),
          ];
        }),
      },
    ],
    charts: [
      {
        id: 'bieu-do-ket-noi',
        title: 'Dịch vụ công kết nối Cổng Dịch vụ công quốc gia',
        unit: 'count',
        series: ['Kết nối Cổng DVCQG'],
        groups: reports
          .filter((r) => (r.figures as OnlineServiceFigures).connectedToPortal !== undefined)
          .map((r) => ({ label: `${r.unit} – ${r.period.label}`, values: [(r.figures as OnlineServiceFigures).connectedToPortal!] })),
      },
    ],
  };
}
