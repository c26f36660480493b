import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { FastifyRequest } from 'fastify';
import { CommandContext } from '../command-context';
import { InvalidInputError } from '../errors/ledger-errors';
import { newCorrelationId } from '../event-ids';

const HEADER_VALUE = /^[\x21-\x7e]{1,200}$/;

function optionalHeader(request: FastifyRequest, name: string): string | undefined {
  const raw = request.headers[name.toLowerCase()];
  if (raw === undefined) return undefined;
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (!HEADER_VALUE.test(value)) {
    throw new InvalidInputError([
      {
        field: name,
        rule: 'header',
        message: `${name} must be 1 to 200 visible ASCII characters`,
        messageVi: `${name} phải gồm 1 đến 200 ký tự ASCII hiển thị được`,
      },
    ]);
  }
  return value;
}

/**
 * Who is writing and how the request ties to its events. The actor is the name of the API key that the access guard
 * authenticated: never anything the request body or a header claims.
 */
export const Command = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & { apiKey?: { name: string } }>();
  if (!request.apiKey) throw new Error('a write route was reached without an authenticated key');
  const idempotencyKey = optionalHeader(request, 'Idempotency-Key');
  return {
    actor: request.apiKey.name,
    correlationId: optionalHeader(request, 'X-Correlation-Id') ?? newCorrelationId(),
    ...(idempotencyKey !== undefined && { idempotencyKey }),
  };
});
