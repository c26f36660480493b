/**
 * Errors that carry their HTTP meaning, so the domain can say what went wrong without knowing about HTTP.
 * Every error names the rule it enforces (`code`), and where a request field is at fault, that field.
 * Messages come in English and Vietnamese: reform officers read the second.
 */
export interface ErrorDetail {
  /** Path of the offending request field, e.g. `items[3].announcedDays`. */
  readonly field?: string;
  /** Machine-readable rule name, e.g. `PROCEDURE.ANNOUNCED_EXCEEDS_STATUTORY` or `isString`. */
  readonly rule: string;
  readonly message: string;
  readonly messageVi?: string;
}

export abstract class LedgerError extends Error {
  abstract readonly httpStatus: number;
  /** Response headers the status calls for, e.g. Retry-After on 503 and 429. */
  readonly headers: Readonly<Record<string, string>> = {};
  readonly details: readonly ErrorDetail[];

  constructor(
    readonly code: string,
    message: string,
    readonly messageVi?: string,
    details?: readonly ErrorDetail[],
  ) {
    super(message);
    this.name = new.target.name;
    this.details = details ?? [];
  }
}

/** Malformed or invalid input (HTTP 400). */
export class InvalidInputError extends LedgerError {
  readonly httpStatus = 400;
  constructor(details: readonly ErrorDetail[]) {
    super(
      'REQUEST.INVALID',
      details.map((d) => d.message).join('; ') || 'invalid request',
      'Dữ liệu gửi lên không hợp lệ: ' + details.map((d) => d.messageVi ?? d.message).join('; '),
      details,
    );
  }
}

/** Unknown entity (HTTP 404). */
export class NotFoundError extends LedgerError {
  readonly httpStatus = 404;
}

/** The state changed since the caller read it (HTTP 409). */
export class ConcurrencyError extends LedgerError {
  readonly httpStatus = 409;
  constructor(
    readonly streamId: string,
    readonly expected: string,
    readonly actual: string,
  ) {
    super(
      'STREAM.WRONG_EXPECTED_REVISION',
      `stream ${streamId} was expected at revision ${expected} but is at ${actual}; read it again and retry`,
      `dữ liệu ${streamId} đã thay đổi (mong đợi phiên bản ${expected}, hiện tại ${actual}); hãy đọc lại rồi gửi lại`,
      [{ field: 'expectedRevision', rule: 'STREAM.WRONG_EXPECTED_REVISION', message: `expected ${expected}, actual ${actual}` }],
    );
  }
}

/** The request clashes with what is already recorded, e.g. a reused idempotency key (HTTP 409). */
export class ConflictError extends LedgerError {
  readonly httpStatus = 409;
}

/** Event ids of one append are partly stored already: the append is neither new nor a clean retry. */
export class IdempotencyConflictError extends ConflictError {
  constructor(readonly eventIds: readonly string[]) {
    super(
      'STREAM.PARTIAL_DUPLICATE',
      `some events of this append are already stored (${eventIds.slice(0, 3).join(', ')}…) and some are not`,
      'một phần sự kiện của lần ghi này đã tồn tại, phần còn lại thì chưa',
    );
  }
}

/** An append keeps a recorded time before one the log already holds (HTTP 409): recorded times never go back. */
export class RecordedTimeGoesBackError extends ConflictError {
  constructor(streamId: string, kept: string, last: string) {
    super(
      'STREAM.RECORDED_TIME_GOES_BACK',
      `the events for ${streamId} keep the recorded time ${kept}, before ${last}, that of the event recorded last: recorded times never go back here`,
      `thời điểm ghi nhận ${kept} của các sự kiện thuộc ${streamId} sớm hơn ${last}, thời điểm của sự kiện được ghi gần nhất: thời điểm ghi nhận không được lùi lại`,
    );
  }
}

/** A business rule refuses the command (HTTP 422). */
export class BusinessRuleError extends LedgerError {
  readonly httpStatus = 422;
  constructor(code: string, message: string, messageVi: string, field?: string) {
    super(code, message, messageVi, [{ field, rule: code, message, messageVi }]);
  }
}

/** The backend cannot be reached right now (HTTP 503); the request may be retried. */
export class UnavailableError extends LedgerError {
  readonly httpStatus = 503;
  override readonly headers: Readonly<Record<string, string>>;
  constructor(message: string, readonly retryAfterSeconds = 5) {
    super('STORE.UNAVAILABLE', message, 'kho dữ liệu tạm thời không truy cập được, vui lòng thử lại sau');
    this.headers = { 'Retry-After': String(retryAfterSeconds) };
  }
}

/** Too many writes from one caller in the current window (HTTP 429); the request may be retried later. */
export class RateLimitedError extends LedgerError {
  readonly httpStatus = 429;
  override readonly headers: Readonly<Record<string, string>>;
  constructor(retryAfterSeconds: number) {
    super(
      'REQUEST.RATE_LIMITED',
      `too many writes; retry in ${retryAfterSeconds} s`,
      `gửi quá nhiều yêu cầu ghi; hãy thử lại sau ${retryAfterSeconds} giây`,
      [{ field: 'Authorization', rule: 'REQUEST.RATE_LIMITED', message: 'write rate limit reached for this key' }],
    );
    this.headers = { 'Retry-After': String(retryAfterSeconds) };
  }
}
