import { DossierFigures } from '../figures';
import { OptionalCount, OptionalPercent } from './figure-fields';

export class DossierFiguresDto implements DossierFigures {
  @OptionalCount('Received new in the period (tiếp nhận mới)') receivedNew?: number;
  @OptionalCount('Carried over from the previous period (kỳ trước chuyển sang)') carriedOver?: number;
  @OptionalCount('Received in all (tiếp nhận)') received?: number;
  @OptionalCount('Resolved (đã giải quyết)') resolved?: number;
  @OptionalCount('Resolved on time (đúng hạn)') resolvedOnTime?: number;
  @OptionalCount('Resolved late (trễ hạn)') resolvedLate?: number;
  @OptionalPercent('Resolved on time as a share of resolved') onTimePercent?: number;
  @OptionalPercent('Resolved late as a share of resolved') latePercent?: number;
  @OptionalCount('Pending (đang giải quyết)') pending?: number;
  @OptionalCount('Pending and past the deadline') pendingOverdue?: number;
}
