import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { NotFoundError } from '../../core/errors/ledger-errors';
import { IsIsoDate } from '../../core/http/validation-rules';
import { EVENT_STORE, EventStore } from '../../core/event-store/event-store.port';
import { decisionStreamId } from '../decision/decision';
import { DecisionView, toDecisionView } from '../decision/decision.view';

export class DecisionParams {
  @ApiProperty({ description: 'Signing date', example: '2022-06-01' })
  @IsIsoDate()
  date: string;

  @ApiProperty({ description: 'Decision number, URL-encoded (1234%2FQĐ-UBND)', example: '1234/QĐ-UBND' })
  @IsString()
  @MaxLength(100)
  number: string;
}

/** A decision and whether its items are all applied, read from its own stream. */
export class GetDecisionQuery extends Query<DecisionView> {
  constructor(readonly params: DecisionParams) {
    super();
  }
}

@QueryHandler(GetDecisionQuery)
export class GetDecisionHandler implements IQueryHandler<GetDecisionQuery, DecisionView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ params }: GetDecisionQuery): Promise<DecisionView> {
    const number = params.number.normalize('NFC').trim();
    const stream = await this.store.readStream(decisionStreamId({ number, date: params.date }));
    if (stream.length === 0) {
      throw new NotFoundError(
        'DECISION.NOT_FOUND',
        `decision ${number} of ${params.date} is not recorded in the ledger`,
        `không tìm thấy quyết định ${number} ngày ${params.date} trong sổ`,
        [{ field: 'number', rule: 'DECISION.NOT_FOUND', message: `no decision ${number} of ${params.date}` }],
      );
    }
    return toDecisionView(stream);
  }
}
