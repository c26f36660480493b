import { SeedFact } from '../seed-fact';
import { S4 } from '../sources';
import { period } from './periods';

/** S4: Bình Thuận in 2024. The source gives the year but no closing date: figures are dated the end of 2024. */
const year2024 = period('Năm 2024', S4.asOf, '2024-01-01');
const NO_CLOSING_DATE = 'The source gives the year 2024 but not the date its figures were closed: they are dated 31/12/2024.';

const dossiers = (id: string, level: 'province' | 'district' | 'commune', quote: string, figures: object): SeedFact => ({
  id,
  source: S4,
  type: 'report',
  kind: 'dossiers',
  quote,
  caveat: NO_CLOSING_DATE,
  body: { unit: 'Bình Thuận', level, period: year2024, figures },
});

export const BINH_THUAN_2024: readonly SeedFact[] = [
  dossiers('s4-dossiers-province-2024', 'province', 'cấp tỉnh đã giải quyết hồ sơ TTHC xong 98.942 hồ sơ; Trong đó, đúng hạn là 98.783 hồ sơ (tỷ lệ 99,84%), trễ hạn 159 hồ sơ (tỷ lệ 0,16%).', {
    resolved: 98942,
    resolvedOnTime: 98783,
    onTimePercent: 99.84,
    resolvedLate: 159,
    latePercent: 0.16,
  }),
  dossiers('s4-dossiers-district-2024', 'district', 'Cấp huyện đã giải quyết hồ sơ TTHC xong 108.509 hồ sơ; Trong đó, đúng hạn là 106.466 hồ sơ (tỷ lệ 98,12%), trễ hạn 2.043 hồ sơ (tỷ lệ 1,88%).', {
    resolved: 108509,
    resolvedOnTime: 106466,
    onTimePercent: 98.12,
    resolvedLate: 2043,
    latePercent: 1.88,
  }),
  dossiers('s4-dossiers-commune-2024', 'commune', 'Cấp xã đã giải quyết hồ sơ TTHC xong 357.622 hồ sơ; Trong đó, đúng hạn là 351.372 hồ sơ (tỷ lệ 98,25%), trễ hạn 6.250 hồ sơ (tỷ lệ 1,75%).', {
    resolved: 357622,
    resolvedOnTime: 351372,
    onTimePercent: 98.25,
    resolvedLate: 6250,
    latePercent: 1.75,
  }),
  {
    id: 's4-online-2024',
    source: S4,
    type: 'report',
    kind: 'online-services',
    quote: 'Tổng số dịch vụ công trực tuyến trên Hệ thống thông tin giải quyết TTHC (cấp tỉnh, cấp huyện, cấp xã) là 881. Số lượng dịch vụ công trực tuyến đã tích hợp lên Cổng dịch vụ công quốc gia là 706, đạt tỷ lệ 80%. Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC toàn tỉnh đạt 73,8%.',
    caveat: NO_CLOSING_DATE,
    body: { unit: 'Bình Thuận', period: year2024, figures: { onlineTotal: 881, connectedToPortal: 706, connectedPercent: 80, digitisationPercent: 73.8 } },
  },
  {
    id: 's4-catalogue-2024',
    source: S4,
    type: 'report',
    kind: 'catalogue-counts',
    quote: 'đã cập nhật công khai trên cơ sở dữ liệu quốc gia và liên kết trang thông tin điện tử các cơ quan, địa phương với 1.994/1.994 TTHC, đạt tỷ lệ 100%',
    caveat: NO_CLOSING_DATE,
    body: { unit: 'Bình Thuận', period: year2024, figures: { procedures: 1994, publishedNationally: { count: 1994, of: 1994, percent: 100 } } },
  },
  {
    id: 's4-service-index-766-2024-01',
    source: S4,
    type: 'report',
    kind: 'index-scores',
    quote: 'Trước đó, vào tháng 01/2024 tỉnh Bình Thuận chỉ xếp hạng 53/63, với 62,85 điểm.',
    body: { unit: 'Bình Thuận', period: period('Tháng 01/2024', '2024-01-31', '2024-01-01'), figures: { index: 'SERVICE_INDEX_766', score: 62.85, maxScore: 100, rank: { rank: 53, of: 63 } } },
  },
  {
    id: 's4-service-index-766-2024',
    source: S4,
    type: 'report',
    kind: 'index-scores',
    quote: 'theo số liệu của Bộ chỉ số phục vụ người dân và doanh nghiệp trong thực hiện TTHC, cung cấp dịch vụ công, tỉnh Bình Thuận đạt 81,61 điểm (tăng 18,76 điểm), đứng vị trí 29/63 tỉnh thành, phố.',
    caveat: NO_CLOSING_DATE,
    body: {
      unit: 'Bình Thuận',
      period: period('Năm 2024 (số liệu “hiện nay” của nguồn)', S4.asOf),
      figures: { index: 'SERVICE_INDEX_766', score: 81.61, maxScore: 100, rank: { rank: 29, of: 63 }, statedChange: 18.76 },
    },
  },
];
