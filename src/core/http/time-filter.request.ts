import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { normalizeKnownAt, TimeFilter } from '../projection/event-filter';
import { IsIsoDate, IsKnownAt } from './validation-rules';

/** The two time axes a reader may ask about, as query parameters. */
export class TimeFilterRequest {
  @ApiPropertyOptional({ description: 'Only acts in effect on this date (YYYY-MM-DD)', example: '2022-12-31' })
  @IsOptional()
  @IsIsoDate()
  asOf?: string;

  @ApiPropertyOptional({ description: 'Only what the ledger had recorded at this moment (ISO timestamp, or a date: its end)' })
  @IsOptional()
  @IsKnownAt()
  knownAt?: string;
}

export const toTimeFilter = (request: TimeFilterRequest): TimeFilter => ({
  ...(request.asOf && { asOf: request.asOf }),
  ...(request.knownAt && { knownAt: normalizeKnownAt(request.knownAt) }),
});
