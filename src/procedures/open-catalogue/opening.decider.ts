import { atEntry, requireUniqueCodes, StreamEvents } from '../batch-rules';
import { procedureStreamId, ProcedureAttributes } from '../procedure';
import { decideProcedure } from '../procedure.decider';
import { ProcedureState } from '../procedure.state';

export interface OpenCatalogue {
  readonly asOf: string;
  readonly entries: ReadonlyArray<{ readonly code: string; readonly attributes: ProcedureAttributes }>;
}

/** Opening entries start procedures' histories: all of them are accepted, or none. */
export function decideOpening(command: OpenCatalogue, procedures: ReadonlyMap<string, ProcedureState>): StreamEvents[] {
  requireUniqueCodes('procedures', command.entries.map((entry) => [[entry.code, 'code']]));
  return command.entries.map(({ code, attributes }, index) => ({
    streamId: procedureStreamId(code),
    events: atEntry('procedures', index, 'code', () =>
      decideProcedure({ type: 'OpenProcedure', code, effectiveDate: command.asOf, attributes }, procedures.get(code)),
    ),
  }));
}
