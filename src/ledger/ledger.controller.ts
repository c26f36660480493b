import { Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { Public, Roles } from '../access/roles';
import { CommandContext, EnvelopeWriter } from '../core/command-context';
import { LedgerWriter } from '../core/ledger-writer';
import { EVENT_STORE, EventStore, EventStoreStats } from '../core/event-store/event-store.port';
import { LedgerDigest, ConsistencyProof, InclusionProof } from '../core/ledger-hash/proofs';
import { Command } from '../core/http/request-context';
import { LiveProjections, ProjectionHealth } from '../core/projection/live-projections';
import { DIGEST_RECORDED, DIGEST_STREAM, LedgerProofs, RecordedDigest, VerificationReport } from './ledger-proofs.service';

class SizeRequest {
  @ApiPropertyOptional({ description: 'Number of events the digest covers; default: the whole log' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) size?: number;
}

class ConsistencyRequest extends SizeRequest {
  @ApiPropertyOptional({ description: 'Size of the older digest' })
  @Type(() => Number) @IsInt() @Min(1) from: number;
}

@ApiTags('ledger')
@Controller()
export class LedgerController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly projections: LiveProjections,
    private readonly proofs: LedgerProofs,
    private readonly writer: LedgerWriter,
  ) {}

  @Public()
  @Get('health')
  @ApiOperation({ summary: 'Liveness, the log head and each read model\'s checkpoint' })
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

  @Get('ledger/verify')
  @ApiOperation({ summary: 'Walk the hash chain and the recorded digests; report the first position that does not match' })
  verify(): Promise<VerificationReport> {
    return this.proofs.verify();
  }

  @Get('ledger/digest')
  @ApiOperation({ summary: 'The Merkle root over the log up to a position' })
  digest(@Query() { size }: SizeRequest): Promise<LedgerDigest> {
    return this.proofs.digest(size);
  }

  @Post('ledger/digests')
  @Roles('admin', 'inspector')
  @HttpCode(201)
  @ApiOperation({ summary: 'Record the current digest in the ledger itself, so that later tampering shows' })
  async recordDigest(@Command() context: CommandContext): Promise<LedgerDigest & { position: number }> {
    const digest = await this.proofs.digest();
    const recorded: RecordedDigest = { ...digest, chain: this.proofs.chain };
    const events = new EnvelopeWriter(context, digest, () => 1).wrap([{ type: DIGEST_RECORDED, data: recorded }], {
      effectiveDate: new Date().toISOString().slice(0, 10),
    });
    const [result] = await this.writer.append([{ streamId: DIGEST_STREAM, events, expectedRevision: 'any' }], context);
    return { ...digest, position: result.events[0].position };
  }

  @Get('ledger/proof/:eventId')
  @ApiOperation({ summary: 'An inclusion proof of one event in a digest; check it with `ledger verify-proof`' })
  proof(@Param('eventId') eventId: string, @Query() { size }: SizeRequest): Promise<InclusionProof> {
    return this.proofs.inclusion(eventId, size);
  }

  @Get('ledger/consistency')
  @ApiOperation({ summary: 'A proof that the digest of the first `from` events is a prefix of the digest of the first `size`' })
  consistency(@Query() { from, size }: ConsistencyRequest): Promise<ConsistencyProof> {
    return this.proofs.consistency(from, size);
  }
}
