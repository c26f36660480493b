import { SeedFact } from '../seed-fact';
import { S2 } from '../sources';
import { period } from './periods';

/** S2: results of the first half of 2022, posted on 18/06/2022: the figures stand on that day. */
const h1 = period('6 tháng đầu năm 2022', S2.asOf, '2022-01-01');
const POSTED = 'Bài đăng ngày 18/06/2022; số liệu 6 tháng đầu năm tính đến ngày đăng.';

const dossiers = (id: string, level: 'province' | 'district' | 'commune', quote: string, figures: object): SeedFact => ({
  id,
  source: S2,
  type: 'report',
  kind: 'dossiers',
  quote,
  body: { unit: 'Bình Phước', level, period: h1, figures, note: POSTED },
});

export const CAMPAIGN_92_DAYS = 'chien-dich-92-ngay-dem-2022';

export const BINH_PHUOC_2022_H1: readonly SeedFact[] = [
  {
    id: 's2-catalogue-2022-h1',
    source: S2,
    type: 'report',
    kind: 'catalogue-counts',
    quote:
      'Tổng số TTHC được Chủ tịch Uỷ ban nhân dân tỉnh công bố thực hiện trên địa bàn tỉnh là 1.784, số TTHC cấp tỉnh là 1.446 (ngành dọc 26); số TTHC cấp huyện là 244 (ngành dọc 06); số TTHC cấp xã là 94 (ngành dọc 14); trong đó số TTHC thực hiện liên thông giữa các cấp chính quyền 53. … tiếp nhận 1.423/1.446 TTHC … của 20 sở, ban, ngành (đạt 98%), trong đó có 14/20 sở, ban, ngành đưa 100% TTHC ra tiếp nhận tại Trung tâm. 11/11 huyện, thị xã, thành phố và 111/111 xã, phường, thị trấn có Bộ phận Một cửa … ban hành 09 Quyết định công bố … (482 TTHC sửa đổi, bổ sung; 36 TTHC bãi bỏ; 01 TTHC thay thế; 01 TTHC liên thông)',
    body: {
      unit: 'Bình Phước',
      period: h1,
      figures: {
        procedures: 1784,
        byLevel: { province: 1446, district: 244, commune: 94 },
        verticalSectorByLevel: { province: 26, district: 6, commune: 14 },
        interLevel: 53,
        atServiceCentre: { count: 1423, of: 1446, percent: 98 },
        agencies: { count: 20, allAtServiceCentre: 14 },
        oneStopDesks: [
          { level: 'district', count: 11, of: 11 },
          { level: 'commune', count: 111, of: 111 },
        ],
        announcements: { decisions: 9, amended: 482, abolished: 36, replaced: 1, interLevel: 1 },
      },
      note: POSTED,
    },
  },
  dossiers(
    's2-dossiers-province-2022-h1',
    'province',
    'Cấp tỉnh: tiếp nhận 226,593 hồ sơ (204,655 hồ sơ tiếp nhận mới và 21,938 hồ sơ từ các kỳ trước chuyển sang). Kết quả: 183,636 hồ sơ đã giải quyết (trong đó giải quyết trễ hạn 8,148 hồ sơ chiếm 4,44%), 42,950 hồ sơ đang giải quyết(trong đó 01 hồ sơ đã trễ hạn)',
    { received: 226593, receivedNew: 204655, carriedOver: 21938, resolved: 183636, resolvedLate: 8148, latePercent: 4.44, pending: 42950, pendingOverdue: 1 },
  ),
  dossiers(
    's2-dossiers-district-2022-h1',
    'district',
    'Cấp huyện: tiếp nhận 27,734 hồ sơ (22,249 hồ sơ tiếp nhận mới và 5.485 hồ sơ từ các kỳ trước chuyển sang). Kết quả: 19,811hồ sơ đã giải quyết (trong đó giải quyết trễ hạn 1,698 hồ sơ chiếm 8,57%), 7,907 hồ sơ đang giải quyết.',
    { received: 27734, receivedNew: 22249, carriedOver: 5485, resolved: 19811, resolvedLate: 1698, latePercent: 8.57, pending: 7907 },
  ),
  dossiers(
    's2-dossiers-commune-2022-h1',
    'commune',
    'Cấp xã: tiếp nhận 88,991 hồ sơ (88,194hồ sơ tiếp nhận mới và 797 hồ sơ từ các kỳ trước chuyển sang). Kết quả: 88,478 hồ sơ đã giải quyết (trong đó giải quyết trễ hạn 919 hồ sơ chiếm 1,04%), 513hồ sơ đang giải quyết.',
    { received: 88991, receivedNew: 88194, carriedOver: 797, resolved: 88478, resolvedLate: 919, latePercent: 1.04, pending: 513 },
  ),
  {
    id: 's2-online-2022-h1',
    source: S2,
    type: 'report',
    kind: 'online-services',
    quote:
      'Cổng dịch vụ công của tỉnh đãtích hợp 1.651 dịch vụ công trực tuyến mức độ 3, mức độ 4 trên tổng số 1.784 dịch vụ công của tỉnh  (đạt 92,54%); 1.437 dịch vụ công kết nối Cổng dịch vụ công quốc gia (xếp thứ 01/63 tỉnh, thành phố); tỷ lệ tiếp nhận hồ sơ TTHC trên môi trường điện tử đạt 87,07%.',
    body: {
      unit: 'Bình Phước',
      period: h1,
      figures: { servicesTotal: 1784, onlineTotal: 1651, onlinePercent: 92.54, connectedToPortal: 1437, portalRank: { rank: 1, of: 63 }, receivedOnlinePercent: 87.07 },
      note: POSTED,
    },
  },
  {
    id: 's2-campaign-92-days',
    source: S2,
    type: 'campaign',
    quote:
      'Kế hoạch số 170/KH-UBND ngày 01/6/2022 triển khai chiến dịch cao điểm 92 ngày đêm … từ ngày 01/6/2022 đến ngày 31/8/2022. Phấn đấu đến ngày 02/9/2022 tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ đạt 80%; tỷ lệ hồ sơ TTHC xử lý trực tuyến đạt 50%; tỷ lệ báo cáo … thực hiện trực tuyến đạt 50%; tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 100% …; 100% số hồ sơ TTHC được giải quyết đúng hạn',
    body: {
      campaignId: CAMPAIGN_92_DAYS,
      name: 'Chiến dịch cao điểm 92 ngày đêm “Nâng cao hiệu quả cung cấp, sử dụng dịch vụ công trực tuyến, đẩy mạnh chuyển đổi số để phát triển Chính quyền số”',
      unit: 'Bình Phước',
      plan: { number: '170/KH-UBND', date: '2022-06-01', issuer: 'UBND tỉnh Bình Phước' },
      period: { from: '2022-06-01', to: '2022-08-31' },
      deadline: '2022-09-02',
      targets: [
        { key: 'services_with_dossiers', label: 'Tỷ lệ dịch vụ công trực tuyến phát sinh hồ sơ đạt 80%', value: 80, comparison: 'at_least', unit: 'percent' },
        { key: 'online_processing', label: 'Tỷ lệ hồ sơ TTHC xử lý trực tuyến đạt 50%', value: 50, comparison: 'at_least', unit: 'percent' },
        { key: 'digitisation', label: 'Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC đạt 100%', value: 100, comparison: 'at_least', unit: 'percent' },
        { key: 'online_reports', label: 'Tỷ lệ báo cáo của các cơ quan hành chính nhà nước được thực hiện trực tuyến đạt 50%', value: 50, comparison: 'at_least', unit: 'percent' },
        { key: 'overdue_rate', label: '100% hồ sơ TTHC được giải quyết đúng hạn, không có hồ sơ quá hạn (tỷ lệ hồ sơ quá hạn 0%)', value: 0, comparison: 'at_most', unit: 'percent' },
      ],
    },
  },
];
