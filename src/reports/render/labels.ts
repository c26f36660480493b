import { ChangeKind } from '../annual-report';
import { IndexName } from '../../statistics/figures';
import { FindingSeverity } from '../../statistics/findings';
import { ReportKind } from '../../statistics/report';

/** Vietnamese labels of the ledger's codes, as a reform office writes them. */

export const LEVEL_VI: Readonly<Record<string, string>> = {
  ministry: 'Cấp bộ',
  province: 'Cấp tỉnh',
  district: 'Cấp huyện',
  commune: 'Cấp xã',
};
export const levelVi = (level: string | undefined): string => (level ? (LEVEL_VI[level] ?? level) : 'Các cấp');

export const CATEGORY_VI: Readonly<Record<string, string>> = {
  province: 'Tỉnh',
  agency: 'Cơ quan chuyên môn',
  sub_agency: 'Chi cục',
  office: 'Phòng chuyên môn',
  public_service_unit: 'Đơn vị sự nghiệp công lập',
  one_stop_desk: 'Bộ phận Một cửa',
};

export const CHANGE_KIND_VI: Readonly<Record<ChangeKind, string>> = {
  opened: 'Ghi mở sổ (danh mục ban đầu)',
  new: 'Công bố mới',
  amended: 'Sửa đổi, bổ sung',
  replaced: 'Thay thế',
  abolished: 'Bãi bỏ',
  cut: 'Cắt giảm thời gian giải quyết',
  moved: 'Chuyển cơ quan, cấp thực hiện theo sắp xếp bộ máy',
  orphaned: 'Mất cơ quan thực hiện',
  corrected: 'Đính chính',
};

export const REORGANISATION_VI: Readonly<Record<string, string>> = {
  establishment: 'Thành lập',
  renaming: 'Đổi tên',
  transfer: 'Điều chuyển',
  merger: 'Hợp nhất, sáp nhập',
  split: 'Chia tách',
  dissolution: 'Giải thể',
  level_abolition: 'Bỏ cấp hành chính',
};

export const INDEX_VI: Readonly<Record<IndexName, string>> = {
  PAR_INDEX: 'Chỉ số cải cách hành chính (PAR INDEX)',
  SIPAS: 'Chỉ số hài lòng (SIPAS)',
  PAPI: 'Chỉ số PAPI',
  SERVICE_INDEX_766: 'Bộ chỉ số phục vụ người dân, doanh nghiệp (QĐ 766/QĐ-TTg)',
};

export const REPORT_KIND_VI: Readonly<Record<ReportKind, string>> = {
  dossiers: 'Hồ sơ TTHC',
  'online-services': 'Dịch vụ công trực tuyến',
  'index-scores': 'Chỉ số',
  payments: 'Thanh toán trực tuyến',
  savings: 'Chi phí tiết kiệm',
  'catalogue-counts': 'Số liệu thủ tục công bố',
  'processing-times': 'Thời gian giải quyết công bố',
};

export const SEVERITY_VI: Readonly<Record<FindingSeverity, string>> = {
  discrepancy: 'Không khớp',
  rounding: 'Làm tròn',
};
