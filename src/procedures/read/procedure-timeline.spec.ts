import { randomUUID } from 'node:crypto';
import { MemoryEventStore } from '../../core/event-store/memory-event-store';
import { SqliteReadStore } from '../../core/projection/read-store';
import { rebuildProjections } from '../../core/projection/rebuild';
import { auditTrailProjection } from '../../../projections/audit-trail.projection';
import { procedureStreamId } from '../procedure';
import { DrawnProcedureEvent, typeAndData } from '../../../test/support/drawn-procedure-events';
import { ProjectionsAtRest } from '../../core/projection/projections-at-rest';
import { ProcedureTimeline } from './procedure-timeline';

describe('the catalogue at a point, read again', () => {
  const store = new MemoryEventStore();
  const readStore = new SqliteReadStore(':memory:');
  const timeline = new ProcedureTimeline(new ProjectionsAtRest(readStore));
  afterAll(() => readStore.close());

  /** Appends procedure events and folds the audit trail again, as the live projections would. */
  async function record(...events: DrawnProcedureEvent[]): Promise<void> {
    for (const event of events) {
      const [type, data] = typeAndData(event, undefined);
      const metadata = { effectiveDate: event.date, actor: 'office', correlationId: randomUUID() };
      await store.appendToStream({ streamId: procedureStreamId(event.code), expectedRevision: 'any', events: [{ id: randomUUID(), type, schemaVersion: 1, data, metadata }] });
    }
    await rebuildProjections(store, readStore, [auditTrailProjection]);
  }

  it('is the one read before at the same point over the same log, and read afresh once the log or the point moves', async () => {
    await record({ code: '1.1', kind: 'open', date: '2022-06-15', days: 20 }, { code: '1.2', kind: 'open', date: '2023-01-01', days: 25 });
    const first = await timeline.catalogAt({ asOf: '2023-06-30' });
    expect([...first.keys()]).toEqual(['1.1', '1.2']);

    const reads = jest.spyOn(readStore, 'iterate');
    expect(await timeline.catalogAt({ asOf: '2023-06-30' })).toBe(first);
    expect(reads).not.toHaveBeenCalled();

    // The log has moved: an event that counts for the point is in the new answer.
    await record({ code: '1.1', kind: 'cut', date: '2023-03-01', days: 12 });
    const after = await timeline.catalogAt({ asOf: '2023-06-30' });
    expect(after).not.toBe(first);
    expect(after.get('1.1')?.procedure.attributes.announcedDays).toBe(12);
    expect(first.get('1.1')?.procedure.attributes.announcedDays).toBe(20);

    // Another point: read from the trail.
    reads.mockClear();
    expect([...(await timeline.catalogAt({ asOf: '2022-12-31' })).keys()]).toEqual(['1.1']);
    expect(reads).toHaveBeenCalled();
  });
});
