import { ExecutionContext, Injectable } from '@nestjs/common';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ThrottlerLimitDetail } from '@nestjs/throttler/dist/throttler.guard.interface';
import { RateLimitedError } from '../core/errors/ledger-errors';
import { AuthenticatedRequest } from './api-key.guard';

/** Limits writes per API key (reads are not limited): a runaway client cannot flood the ledger. */
@Injectable()
export class WriteRateGuard extends ThrottlerGuard {
  protected override async shouldSkip(context: ExecutionContext): Promise<boolean> {
    return ['GET', 'HEAD', 'OPTIONS'].includes(context.switchToHttp().getRequest<AuthenticatedRequest>().method);
  }

  protected override async getTracker(request: Record<string, unknown>): Promise<string> {
    const key = (request as unknown as AuthenticatedRequest).apiKey;
    return key ? `key:${key.id}` : `ip:${String(request.ip)}`;
  }

  protected override async throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    throw new RateLimitedError(Math.max(1, Math.ceil(detail.timeToExpire)));
  }
}
