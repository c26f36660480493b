import { applyDecorators } from '@nestjs/common';
import { ApiHeader, ApiResponse } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';

/** Headers every write route reads. */
export const WRITE_HEADERS = () =>
  applyDecorators(
    ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retrying with the same key returns the first result' }),
    ApiHeader({ name: 'X-Correlation-Id', required: false }),
  );

/** Errors every write route may answer, with the ledger's error body. */
export const WRITE_RESPONSES = () =>
  applyDecorators(
    ApiResponse({ status: 400, description: 'Malformed or invalid input; `details` names each field and rule' }),
    ApiResponse({ status: 401, description: 'No API key, or an unknown or revoked one' }),
    ApiResponse({ status: 403, description: 'The key\'s role may not write' }),
    ApiResponse({ status: 429, description: 'Too many writes from this key; see Retry-After' }),
    ApiResponse({ status: 409, description: 'Stale expectedRevision, already recorded, or Idempotency-Key reused' }),
    ApiResponse({ status: 413, description: 'Body over the size limit' }),
    ApiResponse({ status: 422, description: 'A business rule refuses the command; `details` names the field' }),
    ApiResponse({ status: 503, description: 'The event store cannot be reached; retry after `Retry-After` seconds, with the same Idempotency-Key' }),
  );

/** A replayed result is the first one, unchanged; the header tells the client nothing new was written. */
export function markReplay<T extends { replayed: boolean }>(reply: FastifyReply, result: T): T {
  if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
  return result;
}
