import { SeedFact } from '../seed-fact';
import { S3 } from '../sources';
import { CAMPAIGN_92_DAYS } from './binh-phuoc-2022-h1';
import { period } from './periods';

/** S3: a paper of 16/09/2022 on online services: figures from before the 92-day campaign, its results, and savings. */
export const BINH_PHUOC_2022_09: readonly SeedFact[] = [
  {
    id: 's3-online-before-campaign-2022',
    source: S3,
    type: 'report',
    kind: 'online-services',
    quote:
      'Những tháng đầu năm 2022, số dịch vụ công mức 3, 4 của tỉnh là 1.651 dịch vụ, chiếm 87,5% tổng số dịch vụ công đang cung cấp. Tuy nhiên chỉ có 449 dịch vụ công phát sinh hồ sơ chiếm 27,2%; Tỷ lệ hồ sơ thủ tục hành chính xử lý trực tuyến các tháng đầu năm chỉ đạt 21,62%.',
    caveat: 'The source says "the first months of 2022", before the campaign that began on 01/6/2022: the figures are dated 31/5/2022.',
    body: {
      unit: 'Bình Phước',
      period: period('Những tháng đầu năm 2022 (trước Chiến dịch 92 ngày đêm)', '2022-05-31', '2022-01-01'),
      figures: { onlineTotal: 1651, onlinePercent: 87.5, servicesWithDossiers: 449, servicesWithDossiersPercent: 27.2, processedOnlinePercent: 21.62 },
    },
  },
  {
    id: 's3-campaign-results-2022-07-29',
    source: S3,
    type: 'campaign-results',
    campaignId: CAMPAIGN_92_DAYS,
    quote:
      'Qua 2 tháng triển khai (từ ngày 01/6/2022 đến ngày 29/7/2022) … Tỷ lệ xử lý hồ sơ dịch vụ công trực tuyến tăng từ 21,6% lên 96,9% (cấp tỉnh, từ 82,89% lên 99,93%; Văn phòng Đăng ký đất đai từ 15,13% lên 76,7%; cấp huyện từ 49,94% lên 99,90%; cấp xã từ 87% lên 98,79%); Tỷ lệ hồ sơ quá hạn giảm từ 2,9% xuống còn 0,5%.',
    body: {
      asOf: '2022-07-29',
      label: '01/6/2022–29/7/2022',
      results: [
        {
          key: 'online_processing',
          value: 96.9,
          baseline: 21.6,
          breakdown: [
            { label: 'Cấp tỉnh', baseline: 82.89, value: 99.93 },
            { label: 'Văn phòng Đăng ký đất đai', baseline: 15.13, value: 76.7 },
            { label: 'Cấp huyện', baseline: 49.94, value: 99.9 },
            { label: 'Cấp xã', baseline: 87, value: 98.79 },
          ],
        },
        { key: 'overdue_rate', value: 0.5, baseline: 2.9 },
      ],
      note: 'Các mục tiêu khác của Kế hoạch “đã có những chuyển biến đáng kể”; nguồn không nêu số liệu.',
    },
  },
  {
    id: 's3-savings-2021-2022',
    source: S3,
    type: 'report',
    kind: 'savings',
    quote:
      'trong giai đoạn từ 19/5/2021 đến 30/6/2022, tổng chi phí tiết kiệm toàn tỉnh từ việc ứng dụng công nghệ số khoảng 77,7 tỷ đồng, trong đó: chi phí tiết kiệm do nộp hồ sơ trực tuyến thay cho nộp trực tiếp khoảng 30,4 tỷ đồng, chi phí tiết kiệm do gửi nhận văn bản điện tử khoảng 40,5 tỷ đồng, chi phí tiết kiệm họp qua Hội nghị truyền hình khoảng 5,7 tỷ đồng.',
    body: {
      unit: 'Bình Phước',
      period: period('19/5/2021–30/6/2022', '2022-06-30', '2021-05-19'),
      figures: {
        amountBillionVnd: 77.7,
        parts: [
          { label: 'Nộp hồ sơ trực tuyến thay cho nộp trực tiếp', amountBillionVnd: 30.4 },
          { label: 'Gửi nhận văn bản điện tử', amountBillionVnd: 40.5 },
          { label: 'Họp qua Hội nghị truyền hình', amountBillionVnd: 5.7 },
        ],
      },
      note: 'Chi phí tiết kiệm từ ứng dụng công nghệ số; các số đều “khoảng”.',
    },
  },
  {
    id: 's3-portal-2022-09',
    source: S3,
    type: 'report',
    kind: 'online-services',
    quote: 'Hiện nay, Cổng dịch vụ công của tỉnh có 1.476 dịch vụ công kết nối, công khai trên Cổng Dịch vụ công Quốc gia (xếp thứ 01/63 theo ghi nhận của Cổng dịch vụ công Quốc gia).',
    body: { unit: 'Bình Phước', period: period('Tháng 9/2022', S3.asOf), figures: { connectedToPortal: 1476, portalRank: { rank: 1, of: 63 } } },
  },
];
