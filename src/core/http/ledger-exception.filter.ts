import { ArgumentsHost, Catch, ExceptionFilter } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { errorHeaders, toErrorBody } from './error-body';

/** Turns any exception into the ledger's error body with its HTTP status and the headers it calls for. */
@Catch()
export class LedgerExceptionFilter implements ExceptionFilter {
  catch(exception: unknown, host: ArgumentsHost): void {
    sendError(host.switchToHttp().getResponse<FastifyReply>(), exception);
  }
}

export function sendError(reply: FastifyReply, exception: unknown): void {
  const body = toErrorBody(exception);
  for (const [name, value] of Object.entries(errorHeaders(exception))) void reply.header(name, value);
  void reply.status(body.statusCode).send(body);
}
