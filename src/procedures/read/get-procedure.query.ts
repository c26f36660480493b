import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '../../core/event-store/event-store.port';
import { TimeFilter } from '../../core/projection/event-filter';
import { loadProcedure, procedureNotFound } from '../procedure-stream';
import { HistoryEntryView, ProcedureHistoryView, ProcedureView, toHistoryEntry, toProcedureView } from './procedure.views';

/**
 * A procedure's state, folded from its own stream: always up to date with the last write; with a time filter, as it
 * stood on a date or as the ledger knew it at a moment.
 */
export class GetProcedureQuery extends Query<ProcedureView> {
  constructor(
    readonly code: string,
    readonly filter: TimeFilter = {},
  ) {
    super();
  }
}

/** Every event of a procedure, in order, with who recorded it, when, and under which decision. */
export class GetProcedureHistoryQuery extends Query<ProcedureHistoryView> {
  constructor(readonly code: string) {
    super();
  }
}

@QueryHandler(GetProcedureQuery)
export class GetProcedureHandler implements IQueryHandler<GetProcedureQuery, ProcedureView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ code, filter }: GetProcedureQuery): Promise<ProcedureView> {
    const { state, revision } = await loadProcedure(this.store, code, filter);
    if (!state) throw procedureNotFound(code);
    return toProcedureView(state, revision);
  }
}

@QueryHandler(GetProcedureHistoryQuery)
export class GetProcedureHistoryHandler implements IQueryHandler<GetProcedureHistoryQuery, ProcedureHistoryView> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ code }: GetProcedureHistoryQuery): Promise<ProcedureHistoryView> {
    const { events } = await loadProcedure(this.store, code);
    if (events.length === 0) throw procedureNotFound(code);
    const entries: HistoryEntryView[] = events.map(toHistoryEntry);
    return { code, events: entries };
  }
}
