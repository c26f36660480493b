import { RecordedEvent } from '../core/event-envelope';
import { ConcurrencyError, NotFoundError } from '../core/errors/ledger-errors';
import { NO_STREAM_REVISION } from '../core/event-store/append-rules';
import { EventStore, ExpectedRevision } from '../core/event-store/event-store.port';
import { procedureStreamId } from './procedure';
import { PROCEDURE_EVENT_SCHEMA_VERSIONS } from './procedure.events';
import { foldProcedure, ProcedureFact, ProcedureState } from './procedure.state';
import { DECISION_EVENT_SCHEMA_VERSIONS } from './decision/decision';

/** A procedure stream as read for a command: its events, the state they fold to, and the revision reached. */
export interface LoadedProcedure {
  readonly streamId: string;
  readonly events: readonly RecordedEvent[];
  readonly state: ProcedureState;
  readonly revision: number;
}

export async function loadProcedure(store: EventStore, code: string): Promise<LoadedProcedure> {
  const streamId = procedureStreamId(code);
  const events = await store.readStream(streamId);
  return {
    streamId,
    events,
    state: foldProcedure(events as unknown as ProcedureFact[]),
    revision: events.at(-1)?.revision ?? NO_STREAM_REVISION,
  };
}

/** The procedure as it was before `event` was appended: a retry decides again as its first attempt did. */
export function loadedBefore(loaded: LoadedProcedure, event: RecordedEvent): LoadedProcedure {
  const events = loaded.events.filter((e) => e.revision < event.revision);
  return {
    streamId: loaded.streamId,
    events,
    state: foldProcedure(events as unknown as ProcedureFact[]),
    revision: events.at(-1)?.revision ?? NO_STREAM_REVISION,
  };
}

/** The caller's expected revision, if given, must be the one just read; the append then guards against races. */
export function expectRevision(loaded: LoadedProcedure, expected: number | undefined): ExpectedRevision {
  if (expected !== undefined && expected !== loaded.revision) {
    throw new ConcurrencyError(loaded.streamId, String(expected), loaded.revision === NO_STREAM_REVISION ? 'no_stream' : String(loaded.revision));
  }
  return loaded.revision === NO_STREAM_REVISION ? 'no_stream' : loaded.revision;
}

const SCHEMA_VERSIONS: Record<string, number> = { ...PROCEDURE_EVENT_SCHEMA_VERSIONS, ...DECISION_EVENT_SCHEMA_VERSIONS };

export const schemaVersionOf = (type: string): number => {
  const version = SCHEMA_VERSIONS[type];
  if (version === undefined) throw new Error(`no schema version for event type ${type}`);
  return version;
};

export const procedureNotFound = (code: string): NotFoundError =>
  new NotFoundError('PROCEDURE.NOT_FOUND', `procedure ${code} is not recorded in the ledger`, `không tìm thấy thủ tục ${code} trong sổ`, [
    { field: 'code', rule: 'PROCEDURE.NOT_FOUND', message: `no procedure ${code}` },
  ]);
