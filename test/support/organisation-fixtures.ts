/**
 * Request bodies for the organisation routes. Unit names follow Bình Phước's registry; ids, decision numbers and
 * dates are illustrative, except the published counts under 999-QĐ/TU (report 001_c87b492124e090e9.txt).
 */

export const ref = (number: string, date: string, issuer = 'UBND tỉnh Bình Phước') => ({ number, date, issuer });

export const ESTABLISHING = ref('1/QĐ-UBND', '2018-01-01');

export const unit = (unitId: string, name: string, level: string, category: string, parentId?: string, overrides: Record<string, unknown> = {}) => ({
  unitId,
  name,
  level,
  category,
  ...(parentId && { parentId }),
  decision: ESTABLISHING,
  ...overrides,
});

/** The registry before the reforms: the province, two departments (one with a sub-unit), a district with its units. */
export const REGISTRY = [
  unit('tinh', 'UBND tỉnh Bình Phước', 'province', 'province'),
  unit('so-nnptnt', 'Sở Nông nghiệp và Phát triển nông thôn', 'province', 'agency', 'tinh'),
  unit('so-tnmt', 'Sở Tài nguyên và Môi trường', 'province', 'agency', 'tinh'),
  unit('vpdk', 'Văn phòng Đăng ký đất đai', 'province', 'public_service_unit', 'so-tnmt'),
  unit('bu-dang', 'UBND huyện Bù Đăng', 'district', 'agency', 'tinh'),
  unit('bu-dang-tp', 'Phòng Tư pháp huyện Bù Đăng', 'district', 'office', 'bu-dang'),
  unit('bu-dang-mc', 'Bộ phận Một cửa huyện Bù Đăng', 'district', 'one_stop_desk', 'bu-dang'),
  unit('minh-hung', 'UBND xã Minh Hưng', 'commune', 'agency', 'bu-dang'),
];

export const procedureAt = (code: string, level: string, agency: string) => ({
  code,
  procedure: {
    name: `Thủ tục ${code}`,
    level,
    field: 'Đất đai',
    agency,
    statutoryDays: 10,
    announcedDays: 8,
    onlineLevel: 'partly',
    connectedToNationalPortal: true,
  },
});

/** Procedures implemented by units of the registry, as the catalogue names their agencies (in free text). */
export const CATALOGUE = {
  asOf: '2021-12-31',
  source: 'danh mục TTHC tại thời điểm mở sổ',
  procedures: [
    procedureAt('1.000001', 'province', 'Sở Tài nguyên và Môi trường'),
    procedureAt('1.000002', 'province', 'sở nông nghiệp và phát triển nông thôn'),
    procedureAt('2.000001', 'district', 'UBND cấp huyện'),
    procedureAt('2.000002', 'district', 'Phòng Tư pháp huyện Bù Đăng'),
    procedureAt('2.000003', 'district', 'Bộ phận Một cửa huyện Bù Đăng'),
  ],
};

export const MERGER = ref('5/NQ-HĐND', '2025-02-20', 'HĐND tỉnh Bình Phước');
export const SPLIT = ref('20/QĐ-UBND', '2025-03-25');
export const DISSOLUTION = ref('30/QĐ-UBND', '2025-05-01');
export const ABOLITION = ref('100/QĐ-UBND', '2025-06-20');
