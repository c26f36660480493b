import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { retryAfterSeconds, toErrorBody } from './error-body';

/** Turns any exception into the ledger's error body with its HTTP status; 503s say when to retry. */
@Catch()
export class LedgerExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    sendError(host.switchToHttp().getResponse<FastifyReply>(), exception);
  }
}

export function sendError(reply: FastifyReply, exception: unknown): void {
  const body = toErrorBody(exception);
  const retryAfter = retryAfterSeconds(exception);
  if (retryAfter !== undefined) void reply.header('Retry-After', String(retryAfter));
  void reply.status(body.statusCode).send(body);
}
