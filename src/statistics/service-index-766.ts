/**
 * The index of service to citizens and businesses set by Decision 766/QĐ-TTg (2022): 100 points in six groups.
 * The groups and their maxima belong to the index, not to any one report; reports give the scores.
 */
export const SERVICE_INDEX_766_MAX_SCORE = 100;

export const SERVICE_INDEX_766_GROUPS = [
  { key: 'transparency', label: 'Công khai, minh bạch', maxScore: 18 },
  { key: 'progress', label: 'Tiến độ giải quyết', maxScore: 20 },
  { key: 'online_services', label: 'Dịch vụ công trực tuyến', maxScore: 12 },
  { key: 'online_payment', label: 'Thanh toán trực tuyến', maxScore: 10 },
  { key: 'satisfaction', label: 'Mức độ hài lòng', maxScore: 18 },
  { key: 'digitisation', label: 'Số hóa hồ sơ', maxScore: 22 },
] as const;
