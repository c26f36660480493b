import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { EVENT_STORE, EventStore, EventStoreStats } from '../core/event-store/event-store.port';
import { ProjectionHealth, ProjectionRunner } from '../core/projection/projection-runner';

@ApiTags('ledger')
@Controller()
export class LedgerController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: ProjectionRunner,
  ) {}

  @Get('health')
  @ApiOperation({ summary: 'Liveness, the log head and how far the read models have caught up' })
  async health(): Promise<{ status: 'ok' | 'degraded'; logHead: number; projections: ProjectionHealth[] }> {
    const logHead = await this.store.headPosition();
    const projections = this.projections.health();
    return { status: projections.some((p) => p.error) ? 'degraded' : 'ok', logHead, projections };
  }

  @Get('ledger/stats')
  @ApiOperation({ summary: 'Event count, stream count and last position of the log' })
  stats(): Promise<EventStoreStats> {
    return this.store.stats();
  }
}
