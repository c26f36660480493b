/** Request bodies as a reform office would send them. The names and figures are illustrative, not from a source. */

export const procedure = (overrides: Record<string, unknown> = {}) => ({
  name: 'Cấp giấy phép xây dựng',
  level: 'province',
  field: 'Xây dựng',
  agency: 'Sở Xây dựng',
  statutoryDays: 20,
  announcedDays: 15,
  onlineLevel: 'partly',
  connectedToNationalPortal: true,
  ...overrides,
});

export const decisionRef = (number = '1234/QĐ-UBND', date = '2022-06-01') => ({ number, date, issuer: 'UBND tỉnh Bình Phước' });

export const decision = (items: unknown[], overrides: Record<string, unknown> = {}) => ({
  decision: decisionRef(),
  title: 'Công bố danh mục thủ tục hành chính',
  items,
  ...overrides,
});

export const newItem = (code: string, overrides: Record<string, unknown> = {}) => ({ kind: 'new', code, procedure: procedure(overrides) });

export const opening = (codes: string[], asOf = '2021-12-31') => ({
  asOf,
  source: 'danh mục TTHC tại thời điểm mở sổ',
  procedures: codes.map((code) => ({ code, procedure: procedure() })),
});

export const cut = (fromDays: number, toDays: number, overrides: Record<string, unknown> = {}) => ({
  fromDays,
  toDays,
  decision: decisionRef('77/QĐ-UBND', '2022-07-01'),
  ...overrides,
});
