import { SeedFact } from '../seed-fact';
import { S0 } from '../sources';
import { calendarYear, period } from './periods';

/** S0: the mid-term review of the 2020–2025 term (about July 2023); "to date" figures stand on 30/6/2023. */
const termToDate = period('Từ đầu nhiệm kỳ 2020–2025 đến giữa năm 2023', S0.asOf);
const h1_2023 = period('6 tháng đầu năm 2023', S0.asOf, '2023-01-01');
const PAR_PROVINCE = 'Chỉ số CCHC trung bình của các cơ quan chuyên môn thuộc UBND tỉnh.';
const PAR_DISTRICT = 'Chỉ số CCHC trung bình của UBND các huyện, thị xã, thành phố.';

const parAverage = (id: string, year: number, level: 'province' | 'district', figures: object, quote: string): SeedFact => ({
  id,
  source: S0,
  type: 'report',
  kind: 'index-scores',
  quote,
  body: { unit: 'Bình Phước', level, period: calendarYear(year), figures: { index: 'PAR_INDEX', maxScore: 100, ...figures }, note: level === 'province' ? PAR_PROVINCE : PAR_DISTRICT },
});

const onTimeRate = (id: string, periodOf: ReturnType<typeof period>, onTimePercent: number): SeedFact => ({
  id,
  source: S0,
  type: 'report',
  kind: 'dossiers',
  quote: 'tỷ lệ hồ sơ giải quyết đúng, trước hạn luôn ở mức cao, cụ thể: năm 2021 là 98,05%; năm 2022 là 98,89%; 6 tháng đầu năm 2023 là 98,87%',
  body: { unit: 'Bình Phước', period: periodOf, effectiveDate: periodOf.to, figures: { onTimePercent } },
});

const onlineAtLevel = (id: string, level: 'province' | 'district' | 'commune', servicesWithDossiersPercent: number, processedOnlinePercent: number): SeedFact => ({
  id,
  source: S0,
  type: 'report',
  kind: 'online-services',
  quote: 'tỷ lệ DVC trực tuyến phát sinh hồ sơ đạt mức xấp xỉ 100% (cấp tỉnh là 100%; cấp huyện, cấp xã là 99,8%); hồ sơ TTHC xử lý trực tuyến cấp tỉnh đạt 99,48%, cấp huyện đạt 99,85%, cấp xã đạt 97,26%',
  body: { unit: 'Bình Phước', level, period: period('Giữa năm 2023', S0.asOf), figures: { servicesWithDossiersPercent, processedOnlinePercent } },
});

export const BINH_PHUOC_2023_MIDTERM: readonly SeedFact[] = [
  parAverage('s0-par-province-2021', 2021, 'province', { score: 88.81 }, 'Năm 2021: Chỉ số cải cách hành chính trung bình của các cơ quan chuyên môn thuộc UBND tỉnh đạt 88,81%'),
  parAverage('s0-par-district-2021', 2021, 'district', { score: 85.93 }, 'Chỉ số cải cách hành chính của trung bình UBND các huyện, thị xã, thành phố trung bình đạt 85,93%'),
  parAverage('s0-par-province-2022', 2022, 'province', { score: 92.51, statedChange: 3.71 }, 'Năm 2022: Chỉ số cải cách hành chính trung bình của các cơ quan chuyên môn thuộc UBND tỉnh đạt 92,51% (tăng 3,71% so với năm 2021)'),
  parAverage('s0-par-district-2022', 2022, 'district', { score: 92.47, statedChange: 6.54 }, 'Chỉ số cải cách hành chính trung bình của UBND các huyện, thị xã, thành phố đạt 92,47% (tăng 6,54% so với năm 2021)'),
  {
    id: 's0-par-ratings-2021',
    source: S0,
    type: 'report',
    kind: 'index-scores',
    quote: 'Có 09/31 cơ quan, đơn vị, địa phương có Chỉ số nằm trong nhóm tốt; 22/31 cơ quan, đơn vị, địa phương có Chỉ số nằm trong nhóm khá; không còn cơ quan, đơn vị, địa phương có Chỉ số nằm trong nhóm trung bình và nhóm yếu.',
    body: { unit: 'Bình Phước', period: calendarYear(2021), figures: { index: 'PAR_INDEX', ratings: { ofUnits: 31, good: 9, fair: 22, average: 0, weak: 0 } } },
  },
  {
    id: 's0-par-ratings-2022',
    source: S0,
    type: 'report',
    kind: 'index-scores',
    quote: 'Có 23/31 cơ quan, đơn vị, địa phương nằm trong nhóm tốt; 08/31 cơ quan, đơn vị, địa phương nằm trong nhóm khá; không còn cơ quan, đơn vị, địa phương có Chỉ số nằm trong nhóm trung bình và nhóm yếu.',
    body: { unit: 'Bình Phước', period: calendarYear(2022), figures: { index: 'PAR_INDEX', ratings: { ofUnits: 31, good: 23, fair: 8, average: 0, weak: 0 } } },
  },
  {
    id: 's0-sipas-2022',
    source: S0,
    type: 'report',
    kind: 'index-scores',
    quote: 'Chỉ số SIPAS tăng 06 bậc so với năm 2021. Trong đó, Chỉ số hài lòng của người dân đối với kết quả dịch vụ đạt 80,04%; … cơ hội tham gia … đạt 79,15%; … trách nhiệm giải trình của cơ quan nhà nước đạt 78,42%',
    body: {
      unit: 'Bình Phước',
      period: calendarYear(2022),
      figures: {
        index: 'SIPAS',
        groups: [
          { key: 'satisfaction_with_results', label: 'Hài lòng với kết quả dịch vụ', score: 80.04 },
          { key: 'participation', label: 'Hài lòng với cơ hội tham gia xây dựng, tổ chức thực hiện chính sách', score: 79.15 },
          { key: 'accountability', label: 'Hài lòng với trách nhiệm giải trình của cơ quan nhà nước', score: 78.42 },
        ],
      },
      note: 'Chỉ số SIPAS tăng 06 bậc so với năm 2021; nguồn không nêu thứ hạng.',
    },
  },
  {
    id: 's0-papi-2022',
    source: S0,
    type: 'report',
    kind: 'index-scores',
    quote: 'Chỉ số tham gia của người dân ở cấp cơ sở đứng thứ 31/63 tỉnh, thành phố (tăng 09 bậc so với năm 2021); Chỉ số nội dung công khai, minh bạch trong việc ra quyết định ở địa phương đứng thứ 35/63 … (tăng 12 bậc …); Chỉ số nội dung quản trị điện tử đứng thứ 9/63 … (tăng 02 bậc …)',
    body: {
      unit: 'Bình Phước',
      period: calendarYear(2022),
      figures: {
        index: 'PAPI',
        groups: [
          { key: 'participation', label: 'Tham gia của người dân ở cấp cơ sở', rank: { rank: 31, of: 63 } },
          { key: 'transparency', label: 'Công khai, minh bạch trong việc ra quyết định ở địa phương', rank: { rank: 35, of: 63 } },
          { key: 'e_governance', label: 'Quản trị điện tử', rank: { rank: 9, of: 63 } },
        ],
      },
    },
  },
  onTimeRate('s0-on-time-2021', calendarYear(2021), 98.05),
  onTimeRate('s0-on-time-2022', calendarYear(2022), 98.89),
  onTimeRate('s0-on-time-2023-h1', h1_2023, 98.87),
  {
    id: 's0-dossiers-term-to-date',
    source: S0,
    type: 'report',
    kind: 'dossiers',
    quote: 'từ đầu nhiệm kỳ đến nay, tổng số hồ sơ đã tiếp nhận là 2.053.822 hồ sơ, đã giải quyết là 1.971.502 hồ sơ',
    body: { unit: 'Bình Phước', period: termToDate, figures: { received: 2053822, resolved: 1971502 } },
  },
  {
    id: 's0-portal-2023',
    source: S0,
    type: 'report',
    kind: 'online-services',
    quote: 'từ vị trí thứ 47/63 tỉnh thành phố khi đầu nhiệm kỳ, tỉnh đã rà soát, kết nối thành công 1.468 dịch vụ công (DVC) lên Cổng DVCQG (hiện đang xếp trong tốp đầu cả nước) với 1.076 DVC toàn trình và 392 DVC một phần.',
    body: {
      unit: 'Bình Phước',
      period: period('Giữa năm 2023', S0.asOf),
      figures: { connectedToPortal: 1468, fullyOnline: 1076, partlyOnline: 392 },
      note: 'Toàn trình và một phần là của các dịch vụ đã kết nối; đầu nhiệm kỳ tỉnh xếp thứ 47/63 về kết nối Cổng DVCQG.',
    },
  },
  onlineAtLevel('s0-online-province-2023', 'province', 100, 99.48),
  onlineAtLevel('s0-online-district-2023', 'district', 99.8, 99.85),
  onlineAtLevel('s0-online-commune-2023', 'commune', 99.8, 97.26),
  {
    id: 's0-processing-times-term',
    source: S0,
    type: 'report',
    kind: 'processing-times',
    quote:
      'Tỷ lệ bình quân thời gian thực hiện TTHC trên địa bàn tỉnh đã được cắt giảm … (cắt giảm 30,54%), cụ thể: tổng số thời gian công bố của Bộ, ngành là 27.843,5 ngày; tổng số thời gian công bố của tỉnh là: 19.341,5 ngày, cắt giảm 8.502 ngày.',
    body: { unit: 'Bình Phước', period: termToDate, figures: { statutoryDays: 27843.5, announcedDays: 19341.5, daysCut: 8502, percentCut: 30.54 } },
  },
  {
    id: 's0-announcements-term',
    source: S0,
    type: 'report',
    kind: 'catalogue-counts',
    quote: 'UBND tỉnh đã ban hành 70 Quyết định công bố TTHC mới, sửa đổi, bổ sung, thay thế và bãi bỏ',
    body: { unit: 'Bình Phước', period: termToDate, figures: { announcements: { decisions: 70 } } },
  },
  {
    id: 's0-payments-since-2020-12-15',
    source: S0,
    type: 'report',
    kind: 'payments',
    quote:
      'Từ khi triển khai thanh toán trực tuyến phí, lệ phí và thanh toán trực tuyến nghĩa vụ tài chính đất đai (15/12/2020) đến nay đã thực hiện được 128.216 giao dịch, thu về khoảng 750,6 tỷ (trong đó: khoản phí lệ phí là 20.627 giao dịch với 4,2 tỷ đồng; thanh toán nghĩa vụ tài chính với gần 107.589 giao dịch với 746,4 tỷ đồng).',
    body: {
      unit: 'Bình Phước',
      period: period('Từ 15/12/2020 đến giữa năm 2023', S0.asOf, '2020-12-15'),
      figures: {
        since: '2020-12-15',
        transactions: 128216,
        amountBillionVnd: 750.6,
        parts: [
          { label: 'Phí, lệ phí', transactions: 20627, amountBillionVnd: 4.2 },
          { label: 'Nghĩa vụ tài chính đất đai', transactions: 107589, amountBillionVnd: 746.4 },
        ],
      },
    },
  },
];
