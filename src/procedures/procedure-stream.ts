import { applyCorrections, CORRECTION } from '../core/corrections';
import { RecordedEvent } from '../core/event-envelope';
import { isFiltered, TimeFilter, timeFilter } from '../core/projection/event-filter';
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

/**
 * Reads a procedure's stream and folds it, corrections applied. With a time filter, only what had taken effect by
 * `asOf` and was recorded by `knownAt` counts: the procedure as it stood, or as the ledger knew it, then.
 */
export async function loadProcedure(store: EventStore, code: string, filter: TimeFilter = {}): Promise<LoadedProcedure> {
  const streamId = procedureStreamId(code);
  const stored = await store.readStream(streamId);
  const events = isFiltered(filter) ? stored.filter(timeFilter(filter)) : stored;
  return { streamId, events, state: foldCorrected(events), revision: events.at(-1)?.revision ?? NO_STREAM_REVISION };
}

/** The state a stream's events fold to once their corrections are applied. */
export const foldCorrected = (events: readonly RecordedEvent[]): ProcedureState =>
  foldProcedure(applyCorrections(events) as unknown as ProcedureFact[]);

/** The procedure as it was before `event` was appended: a retry decides again as its first attempt did. */
export function loadedBefore(loaded: LoadedProcedure, event: RecordedEvent): LoadedProcedure {
  const events = loaded.events.filter((e) => e.revision < event.revision);
  return {
    streamId: loaded.streamId,
    events,
    state: foldCorrected(events),
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

const SCHEMA_VERSIONS: Record<string, number> = { ...PROCEDURE_EVENT_SCHEMA_VERSIONS, ...DECISION_EVENT_SCHEMA_VERSIONS, [CORRECTION]: 1 };

export const schemaVersionOf = (type: string): number => {
  const version = SCHEMA_VERSIONS[type];
  if (version === undefined) throw new Error(`no schema version for event type ${type}`);
  return version;
};

export const procedureNotFound = (code: string): NotFoundError =>
  new NotFoundError('PROCEDURE.NOT_FOUND', `procedure ${code} is not recorded in the ledger`, `không tìm thấy thủ tục ${code} trong sổ`, [
    { field: 'code', rule: 'PROCEDURE.NOT_FOUND', message: `no procedure ${code}` },
  ]);
