import { Inject } from '@nestjs/common';
import { IQueryHandler, Query, QueryHandler } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '../../core/event-store/event-store.port';
import { loadProcedure, procedureNotFound } from '../procedure-stream';
import { HistoryEntryView, ProcedureHistoryView, ProcedureView, toHistoryEntry, toProcedureView } from './procedure.views';

/** A procedure's current state, folded from its own stream: always up to date with the last write. */
export class GetProcedureQuery extends Query<ProcedureView> {
  constructor(readonly code: string) {
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

  async execute({ code }: GetProcedureQuery): Promise<ProcedureView> {
    const { state, revision } = await loadProcedure(this.store, code);
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
