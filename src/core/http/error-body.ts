import { HttpException, Logger } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { ErrorDetail, LedgerError } from '../errors/ledger-errors';

export interface ErrorBody {
  readonly statusCode: number;
  readonly error: string;
  readonly code: string;
  readonly message: string;
  readonly messageVi?: string;
  readonly details: readonly ErrorDetail[];
}

const logger = new Logger('Errors');

/** Errors raised by the framework before a handler runs (routing, body parsing), by status. */
const FRAMEWORK_ERRORS: Record<number, [code: string, field: string, vi: string]> = {
  400: ['REQUEST.MALFORMED', 'body', 'nội dung yêu cầu không đọc được (JSON không hợp lệ hoặc có khóa __proto__/constructor)'],
  404: ['ROUTE.NOT_FOUND', 'url', 'không tìm thấy đường dẫn này'],
  413: ['REQUEST.TOO_LARGE', 'body', 'nội dung yêu cầu vượt quá giới hạn cho phép'],
  415: ['REQUEST.UNSUPPORTED_MEDIA_TYPE', 'content-type', 'chỉ chấp nhận nội dung application/json'],
};

/** One error shape for every failure, so clients and officers read errors the same way everywhere. */
export function toErrorBody(exception: unknown): ErrorBody {
  if (exception instanceof LedgerError) {
    return body(exception.httpStatus, exception.code, exception.message, exception.messageVi, exception.details);
  }
  // Fastify's own errors reach here either wrapped by Nest or raw with a `statusCode`.
  const status = exception instanceof HttpException ? exception.getStatus() : (exception as { statusCode?: unknown }).statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    const [code, field, vi] = FRAMEWORK_ERRORS[status] ?? [`HTTP.${status}`, 'request', undefined];
    const message = (exception as Error).message;
    return body(status, code, message, vi, [{ field, rule: code, message, ...(vi && { messageVi: vi }) }]);
  }
  logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
  return body(500, 'INTERNAL', 'internal error; see the server log', 'lỗi hệ thống; xem nhật ký máy chủ');
}

/** Headers the error calls for (Retry-After, WWW-Authenticate). */
export const errorHeaders = (exception: unknown): Readonly<Record<string, string>> => (exception instanceof LedgerError ? exception.headers : {});

function body(statusCode: number, code: string, message: string, messageVi?: string, details: readonly ErrorDetail[] = []): ErrorBody {
  return { statusCode, error: STATUS_CODES[statusCode] ?? 'Error', code, message, ...(messageVi && { messageVi }), details };
}
