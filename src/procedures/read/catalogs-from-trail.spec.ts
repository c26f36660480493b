import fc from 'fast-check';
import { ReadModel } from '../../core/projection/live-projections';
import { DocumentQuery } from '../../core/projection/read-store';
import { AuditEntry, eventOfAuditEntry } from '../../../projections/audit-trail.projection';
import { foldCorrected } from '../procedure-stream';
import { catalogsFromTrail } from './catalogs-from-trail';
import { ProcedureAt } from './procedure-timeline';
import { DRAWN_DATES, drawnProcedureEvents, typeAndData } from '../../../test/support/drawn-procedure-events';

/** The trail as a list, filtered the way the read store filters it: by kind of entity and by the two time axes. */
function trailOf(entries: readonly AuditEntry[]): ReadModel<AuditEntry> {
  const selects = (query: DocumentQuery = {}) => (entry: AuditEntry) => {
    const effectiveTo = query.ranges?.effective_date?.to;
    const recordedTo = query.ranges?.recorded_at?.to;
    return (
      (query.where?.type === undefined || entry.type === query.where.type) &&
      (effectiveTo === undefined || entry.metadata.effectiveDate <= String(effectiveTo)) &&
      (recordedTo === undefined || entry.recordedAt <= String(recordedTo))
    );
  };
  const rows = (query?: DocumentQuery) => entries.filter(selects(query)).map((document) => ({ id: String(document.position), document, orderValue: null }));
  return { query: rows, iterate: (query?: DocumentQuery) => rows(query)[Symbol.iterator]() } as unknown as ReadModel<AuditEntry>;
}

/** The drawn events as the trail holds them, in log order. */
const entries = drawnProcedureEvents(30).map((drawn) => {
  const revisions = new Map<string, number>();
  const lastCuts = new Map<string, string>();
  return drawn.map((event, i): AuditEntry => {
    const { code, kind, date } = event;
    const revision = (revisions.get(code) ?? -1) + 1;
    revisions.set(code, revision);
    const [type, data] = typeAndData(event, lastCuts.get(code));
    if (kind === 'cut') lastCuts.set(code, `e${i + 1}`);
    return {
      position: i + 1,
      eventId: `e${i + 1}`,
      streamId: `procedure-${code}`,
      revision,
      type,
      schemaVersion: 1,
      recordedAt: `2025-01-01T00:00:${String(i).padStart(2, '0')}Z`,
      metadata: { effectiveDate: date, actor: 'office' },
      data,
    } as AuditEntry;
  });
});

/** The catalogue at a date by definition: each stream's events in effect by then, corrections applied, folded. */
function catalogueByDefinition(trail: readonly AuditEntry[], asOf: string): Array<[string, ProcedureAt]> {
  const streams = new Map<string, AuditEntry[]>();
  for (const entry of trail.filter((e) => e.metadata.effectiveDate <= asOf)) streams.set(entry.streamId, [...(streams.get(entry.streamId) ?? []), entry]);
  return [...streams].flatMap(([streamId, stream]): Array<[string, ProcedureAt]> => {
    const procedure = foldCorrected(stream.map(eventOfAuditEntry));
    return procedure ? [[streamId.slice('procedure-'.length), { procedure, revision: stream.at(-1)!.revision }]] : [];
  });
}

describe('the catalogue at several dates, folded in one reading of the trail', () => {
  it('is, date by date, what folding each stream up to that date gives', () => {
    fc.assert(
      fc.property(entries, fc.uniqueArray(fc.constantFrom(...DRAWN_DATES), { minLength: 1, maxLength: 3 }), (trail, dates) => {
        const catalogues = catalogsFromTrail(trailOf(trail), dates, undefined);
        expect(catalogues.map((catalogue) => [...catalogue])).toEqual(dates.map((asOf) => catalogueByDefinition(trail, asOf)));
      }),
      { numRuns: 300 },
    );
  });
});
