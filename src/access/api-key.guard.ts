import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { FastifyRequest } from 'fastify';
import { LedgerError } from '../core/errors/ledger-errors';
import { ApiKeyRecord, ApiKeyStore } from './api-key.store';
import { PUBLIC_KEY, READERS, Role, ROLES_KEY, WRITERS } from './roles';

/** No key, or a key the ledger does not know (HTTP 401). */
export class UnauthenticatedError extends LedgerError {
  readonly httpStatus = 401;
  override readonly headers = { 'WWW-Authenticate': 'Bearer realm="reform-ledger"' };
}

/** A known key whose role may not do this (HTTP 403). */
export class ForbiddenError extends LedgerError {
  readonly httpStatus = 403;
}

/** The authenticated caller, attached to the request for the actor of every event it writes. */
export type AuthenticatedRequest = FastifyRequest & { apiKey?: ApiKeyRecord };

/**
 * Every route needs an API key sent as a bearer token, except those marked public. Reads are open to every role;
 * writes to the reform office; a route may name other roles. Refused requests never reach a handler.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly keys: ApiKeyStore,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && /^Bearer\s+\S+$/i.test(header) ? header.replace(/^Bearer\s+/i, '') : undefined;
    if (!token) {
      throw new UnauthenticatedError('AUTH.MISSING_KEY', 'an API key is required: send it as "Authorization: Bearer <key>"', 'cần khóa API: gửi trong tiêu đề "Authorization: Bearer <khóa>"', [
        { field: 'Authorization', rule: 'AUTH.MISSING_KEY', message: 'missing bearer token' },
      ]);
    }
    const key = this.keys.authenticate(token);
    if (!key) {
      throw new UnauthenticatedError('AUTH.INVALID_KEY', 'the API key is unknown or revoked', 'khóa API không hợp lệ hoặc đã bị thu hồi', [
        { field: 'Authorization', rule: 'AUTH.INVALID_KEY', message: 'unknown or revoked key' },
      ]);
    }
    const allowed = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? (['GET', 'HEAD'].includes(request.method) ? READERS : WRITERS);
    if (!allowed.includes(key.role)) {
      throw new ForbiddenError('AUTH.FORBIDDEN_ROLE', `role ${key.role} may not do this; it needs ${allowed.join(' or ')}`, `vai trò ${key.role} không được phép thực hiện thao tác này`, [
        { field: 'Authorization', rule: 'AUTH.FORBIDDEN_ROLE', message: `needs ${allowed.join(' or ')}` },
      ]);
    }
    request.apiKey = key;
    return true;
  }
}
