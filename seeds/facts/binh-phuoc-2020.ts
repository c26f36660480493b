import { SeedFact } from '../seed-fact';
import { S1 } from '../sources';
import { calendarYear, period } from './periods';

/** S1: Bình Phước at the end of the 2015–2020 term; its latest dated figure is of 30/9/2020. */
const endOfTerm = period('Đến tháng 9/2020', S1.asOf);
const TU_999 = { number: '999-QĐ/TU', date: S1.asOf, issuer: 'Tỉnh ủy Bình Phước' };
const NO_SIGNING_DATE = 'The source gives no signing date for 999-QĐ/TU; the ledger identifies a decision by number and date, so the date of the source (30/9/2020) stands in.';

export const BINH_PHUOC_2020: readonly SeedFact[] = [
  {
    id: 's1-catalogue-2020',
    source: S1,
    type: 'report',
    kind: 'catalogue-counts',
    quote: 'Toàn tỉnh có 1.916 TTHC … Đến nay đã có 223 TTHC được đưa vào thực hiện tại Trung tâm Phục vụ hành chính công tỉnh giải quyết theo nguyên tắc “4 tại chỗ”, hầu hết các thủ tục được rút ngắn trên 30% thời gian … 20 cơ quan chuyên môn thuộc UBND tỉnh',
    body: { unit: 'Bình Phước', period: endOfTerm, figures: { procedures: 1916, fourOnTheSpot: { count: 223 }, agencies: { count: 20 } }, note: 'Hầu hết 223 thủ tục “4 tại chỗ” được rút ngắn trên 30% thời gian.' },
  },
  {
    id: 's1-online-2020',
    source: S1,
    type: 'report',
    kind: 'online-services',
    quote: 'Toàn tỉnh có 1.916 TTHC, trong đó, đa số là TTHC mức độ 3, 4 (chiếm 83,5%).',
    body: { unit: 'Bình Phước', period: endOfTerm, figures: { servicesTotal: 1916, onlinePercent: 83.5 }, note: 'Trực tuyến mức độ 3, 4 (trước Nghị định 42/2022).' },
  },
  {
    id: 's1-industry-trade-catalogue-2020',
    source: S1,
    type: 'report',
    kind: 'catalogue-counts',
    quote: 'tiếp nhận hồ sơ, thẩm định, xét duyệt và trả kết quả tại chỗ ở 18 lĩnh vực với 126 TTHC, đạt 100%',
    body: { unit: 'Sở Công Thương tỉnh Bình Phước', level: 'province', period: endOfTerm, figures: { procedures: 126, fields: 18, fourOnTheSpot: { count: 126, of: 126, percent: 100 } } },
  },
  {
    id: 's1-industry-trade-cut-2020',
    source: S1,
    type: 'report',
    kind: 'processing-times',
    quote: 'Rút ngắn 40% thời gian giải quyết TTHC so với quy định.',
    body: { unit: 'Sở Công Thương tỉnh Bình Phước', level: 'province', period: endOfTerm, figures: { procedures: 126, percentCut: 40 } },
  },
  {
    id: 's1-business-cut-2020',
    source: S1,
    type: 'report',
    kind: 'processing-times',
    quote: 'góp phần cắt giảm trên 40% thời gian giải quyết TTHC cho doanh nghiệp so với quy định',
    body: { unit: 'Bình Phước', period: endOfTerm, figures: { percentCut: 40, percentIsLowerBound: true }, note: 'Thủ tục cho doanh nghiệp.' },
  },
  {
    id: 's1-units-province-999',
    source: S1,
    type: 'reorganisation-summary',
    quote: 'trước khi sắp xếp, kiện toàn, cấp tỉnh có 214 đầu mối, sau khi sắp xếp còn 124 đầu mối',
    caveat: NO_SIGNING_DATE,
    body: { decision: TU_999, effectiveDate: S1.asOf, level: 'province', countBefore: 214, countAfter: 124 },
  },
  {
    id: 's1-units-district-999',
    source: S1,
    type: 'reorganisation-summary',
    quote: 'Cấp huyện sau khi sắp xếp còn 126 đầu mối (giảm 12 đầu mối).',
    caveat: `${NO_SIGNING_DATE} The count before is 126 + 12, as the source gives the reduction rather than the count.`,
    body: { decision: TU_999, effectiveDate: S1.asOf, level: 'district', countBefore: 138, countAfter: 126 },
  },
  {
    id: 's1-units-public-service-999',
    source: S1,
    type: 'reorganisation-summary',
    quote: 'Các đơn vị sự nghiệp công lập trước khi sắp xếp có 587 đầu mối (kể cả 36 đơn vị sự nghiệp giáo dục và đào tạo), sau khi sắp xếp còn 497 đầu mối.',
    caveat: NO_SIGNING_DATE,
    body: { decision: TU_999, effectiveDate: S1.asOf, category: 'public_service_unit', countBefore: 587, countAfter: 497 },
  },
  {
    id: 's1-par-ratings-2016',
    source: S1,
    type: 'report',
    kind: 'index-scores',
    quote: 'năm 2016 chỉ có 1/30 cơ quan, đơn vị, địa phương có chỉ số xếp loại cải cách TTHC tốt; 14/30 cơ quan, đơn vị, địa phương có chỉ số xếp loại khá; còn lại là trung bình và yếu',
    body: {
      unit: 'Bình Phước',
      period: calendarYear(2016),
      figures: { index: 'PAR_INDEX', ratings: { ofUnits: 30, good: 1, fair: 14 } },
      note: 'Xếp loại chỉ số cải cách TTHC; 15 đơn vị còn lại là trung bình và yếu, nguồn không tách riêng.',
    },
  },
  {
    id: 's1-par-ratings-2019',
    source: S1,
    type: 'report',
    kind: 'index-scores',
    quote: 'Đến năm 2019 có 10/31 cơ quan, đơn vị, địa phương có chỉ số xếp loại tốt; 19/31 … khá; 2/31 … trung bình, không còn cơ quan yếu.',
    body: { unit: 'Bình Phước', period: calendarYear(2019), figures: { index: 'PAR_INDEX', ratings: { ofUnits: 31, good: 10, fair: 19, average: 2, weak: 0 } } },
  },
  {
    id: 's1-papi',
    source: S1,
    type: 'report',
    kind: 'index-scores',
    quote: 'Chỉ số hiệu quả quản trị và hành chính công cấp tỉnh ở Việt Nam (PAPI) đứng thứ 30/63 tỉnh, thành phố',
    caveat: 'The source does not name the PAPI year; the rank is dated by the source (30/9/2020).',
    body: { unit: 'Bình Phước', period: period('PAPI, năm không nêu (nguồn cuối năm 2020)', S1.asOf), figures: { index: 'PAPI', rank: { rank: 30, of: 63 } }, note: 'Nguồn không nêu năm của chỉ số PAPI.' },
  },
];
