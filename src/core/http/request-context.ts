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
 * Who is writing and how the request ties to its events. Until API keys exist, the actor is the one the caller
 * declares in `X-Actor` (default `anonymous`); this decorator is the one place that changes when they do.
 */
export const Command = createParamDecorator((_: unknown, ctx: ExecutionContext): CommandContext => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest>();
  const idempotencyKey = optionalHeader(request, 'Idempotency-Key');
  return {
    actor: optionalHeader(request, 'X-Actor') ?? 'anonymous',
    correlationId: optionalHeader(request, 'X-Correlation-Id') ?? newCorrelationId(),
    ...(idempotencyKey !== undefined && { idempotencyKey }),
  };
});
