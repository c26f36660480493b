import { RecordedEvent } from '../../src/core/event-envelope';
import { TimeFilter, timeFilter } from '../../src/core/projection/event-filter';
import { procedureCodeOf } from '../../src/procedures/procedure';
import { foldCorrected } from '../../src/procedures/procedure-stream';
import { ProcedureAt } from '../../src/procedures/read/procedure-timeline';

/**
 * The catalogue at a point by definition, by code: each procedure stream's events that count for it, corrections
 * applied, folded. The folds that start from a catalogue held, or read the trail, must give this.
 */
export function catalogueByDefinition(log: readonly RecordedEvent[], point: TimeFilter): Array<[string, ProcedureAt]> {
  const streams = new Map<string, RecordedEvent[]>();
  for (const event of log.filter(timeFilter(point))) {
    if (event.streamId.startsWith('procedure-')) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event]);
  }
  return [...streams]
    .flatMap(([, events]): Array<[string, ProcedureAt]> => {
      const procedure = foldCorrected(events);
      return procedure ? [[procedureCodeOf(events[0]), { procedure, revision: events.at(-1)!.revision }]] : [];
    })
    .sort(([a], [b]) => (a < b ? -1 : 1));
}
