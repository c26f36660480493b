import fc from 'fast-check';
import { RecordedEvent } from '../../core/event-envelope';
import { MemoryEventStore } from '../../core/event-store/memory-event-store';
import { timeFilter } from '../../core/projection/event-filter';
import { SqliteReadStore } from '../../core/projection/read-store';
import { rebuildProjections } from '../../core/projection/rebuild';
import { auditTrailProjection } from '../../../projections/audit-trail.projection';
import { procedureCatalogProjection } from '../../../projections/procedure-catalog.projection';
import { catalogSnapshotAt, LIVE_BEYOND_AT_MOST } from './catalogs-from-held';
import { ProcedureAt, ProcedureTimeline } from './procedure-timeline';
import { appendDrawn as append, DRAWN_DATES, drawnProcedureEvents, recordedBy, recordedTimeOf, withFakeClock, withHeldCatalogues } from '../../../test/support/drawn-procedure-events';
import { ProjectionsAtRest } from '../../core/projection/projections-at-rest';
import { catalogueByDefinition } from '../../../test/support/catalogue-by-definition';

const byCode = (catalog: Map<string, ProcedureAt>) => [...catalog].sort(([a], [b]) => (a < b ? -1 : 1));

const dateOrder = (a: string | undefined, b: string | undefined) => (a === b ? 0 : a === undefined ? 1 : b === undefined ? -1 : a < b ? -1 : 1);

describe('the catalogues at some dates from one held as of the earliest date or an earlier one', () => {
  withFakeClock();

  it('are, from the live catalogue or a snapshot, what folding each stream up to each date gives, whatever was recorded after it or took effect after its date, or when none serves, from the trail', async () => {
    await fc.assert(
      fc.asyncProperty(
        drawnProcedureEvents(24),
        drawnProcedureEvents(24),
        fc.constantFrom(...DRAWN_DATES),
        fc.array(fc.constantFrom(...DRAWN_DATES, undefined), { minLength: 1, maxLength: 3 }),
        fc.option(fc.nat(60), { nil: undefined }),
        fc.boolean(),
        fc.boolean(),
        async (before, after, snapshotDate, drawnDates, knownAtIndex, knownAtNone, liveBuilt) => {
          const asOfs = drawnDates.map((date) => (dateOrder(date, snapshotDate) < 0 ? snapshotDate : date));
          const sorted = [...asOfs].sort(dateOrder);
          const [earliest, latest] = [sorted[0], sorted.at(-1)];
          // As known at the moment one of the events was recorded (or a little after the last), or at none.
          const knownAt = knownAtIndex === undefined ? undefined : recordedTimeOf(knownAtIndex % (before.length + after.length + 1));
          // Written after the first events: the others are recorded since. Known at the read's moment, or at none: then
          // it serves a read known at a moment by which it had all it folded. And the live catalogue, at the same
          // position: it serves with the procedures it holds beyond the read's point set apart.
          const snapshotKnownAt = knownAtNone ? undefined : knownAt;
          await withHeldCatalogues({ before, after, snapshot: { asOf: snapshotDate, knownAt: snapshotKnownAt }, live: liveBuilt }, async (store, readStore) => {
            const projections = new ProjectionsAtRest(readStore);
            const held = catalogSnapshotAt(projections, { asOf: earliest, knownAt });
            const snapshotServes = snapshotKnownAt === knownAt || recordedBy(before, knownAt);
            // A snapshot of the very date serves first; then the live catalogue.
            if (liveBuilt && !(snapshotServes && snapshotDate === earliest)) {
              // The live catalogue, with every procedure that has an event beyond the point to fold again.
              const drawn = [...before, ...after];
              const beyond = drawn.filter((event, i) => dateOrder(event.date, earliest) > 0 || (knownAt !== undefined && recordedTimeOf(i) > knownAt));
              expect(held?.snapshot.status).toMatchObject({ label: 'procedure-catalog (live)', asOf: earliest ?? null, knownAt: null, position: before.length });
              expect([...held!.beyond].sort()).toEqual([...new Set(beyond.map((event) => event.code))].sort());
            } else {
              expect(held?.snapshot.status).toEqual(snapshotServes ? expect.objectContaining({ asOf: snapshotDate, knownAt: snapshotKnownAt ?? null, position: before.length }) : undefined);
              expect(held && [...held.beyond]).toEqual(snapshotServes ? [] : undefined);
            }
            const visited: number[] = [];
            const catalogs = await new ProcedureTimeline(projections).atOneMoment((moment) => moment.catalogsAt(asOfs, knownAt, (_, entry) => visited.push(entry.position)));

            const log = await store.readAll();
            expect(catalogs.map(byCode)).toEqual(asOfs.map((asOf) => catalogueByDefinition(log, { asOf, knownAt })));
            // Among the entries seen, in log order: every one that took effect after the earliest date and by the latest.
            const between = (event: RecordedEvent) => dateOrder(event.metadata.effectiveDate, earliest) > 0 && dateOrder(event.metadata.effectiveDate, latest) <= 0;
            const inEffectBetween = log.filter(timeFilter({ knownAt })).filter(between);
            expect(visited.filter((position) => between(log[position - 1]))).toEqual(inEffectBetween.map((event) => event.position));
          });
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is, from the last one read at the same point, what folding each stream gives once the log has moved, reading only what was recorded since', async () => {
    await fc.assert(
      fc.asyncProperty(
        drawnProcedureEvents(24),
        drawnProcedureEvents(24),
        fc.constantFrom(...DRAWN_DATES, undefined),
        fc.option(fc.nat(60), { nil: undefined }),
        async (before, after, asOf, knownAtIndex) => {
          const knownAt = knownAtIndex === undefined ? undefined : recordedTimeOf(knownAtIndex % (before.length + after.length + 1));
          const store = new MemoryEventStore();
          const readStore = new SqliteReadStore(':memory:');
          try {
            const timeline = new ProcedureTimeline(new ProjectionsAtRest(readStore));
            const lastCuts = new Map<string, string>();
            await append(store, before, 0, lastCuts);
            await rebuildProjections(store, readStore, [auditTrailProjection]);
            await timeline.catalogAt({ asOf, knownAt });
            await append(store, after, before.length, lastCuts);
            await rebuildProjections(store, readStore, [auditTrailProjection]);

            const reads = jest.spyOn(readStore, 'iterate');
            const catalog = await timeline.catalogAt({ asOf, knownAt });
            expect(byCode(new Map(catalog))).toEqual(catalogueByDefinition(await store.readAll(), { asOf, knownAt }));
            // The trail is read after the position of the last read, or stream by stream: never whole.
            for (const [, , query] of reads.mock.calls) expect(query?.after !== undefined || query?.where?.entity_id !== undefined).toBe(true);
          } finally {
            readStore.close();
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('come from the latest snapshot rather than the live catalogue when more than LIVE_BEYOND_AT_MOST entries are beyond the point', async () => {
    const store = new MemoryEventStore();
    const readStore = new SqliteReadStore(':memory:');
    try {
      await append(store, [{ code: '1.1', kind: 'open', date: '2022-06-15', days: 20 }], 0, new Map());
      await rebuildProjections(store, readStore, [procedureCatalogProjection], { asOf: '2022-12-31' });
      const cuts = Array.from({ length: LIVE_BEYOND_AT_MOST }, (_, i) => ({ code: '1.1', kind: 'cut' as const, date: '2024-06-01', days: 1 + (i % 20) }));
      await append(store, cuts, 1, new Map());
      await rebuildProjections(store, readStore, [procedureCatalogProjection, auditTrailProjection]);
      const projections = new ProjectionsAtRest(readStore);

      // As many entries beyond the point as allowed: the live catalogue, with their procedure to fold again.
      expect(catalogSnapshotAt(projections, { asOf: '2024-05-31' })).toMatchObject({ snapshot: { status: { label: 'procedure-catalog (live)' } }, beyond: new Set(['1.1']) });
      // One more: the snapshot.
      await append(store, [{ code: '1.2', kind: 'open', date: '2024-06-01', days: 20 }], LIVE_BEYOND_AT_MOST + 1, new Map());
      await rebuildProjections(store, readStore, [procedureCatalogProjection, auditTrailProjection]);
      expect(catalogSnapshotAt(projections, { asOf: '2024-05-31' })).toMatchObject({ snapshot: { status: { label: 'procedure-catalog@asOf=2022-12-31' } }, beyond: new Set() });
      const [catalog] = await new ProcedureTimeline(projections).atOneMoment((moment) => moment.catalogsAt(['2024-05-31']));
      expect(byCode(catalog)).toEqual(catalogueByDefinition(await store.readAll(), { asOf: '2024-05-31' }));
    } finally {
      readStore.close();
    }
  });

  it('from a snapshot of the last date there is, reads for a point of no date only what was recorded since', async () => {
    const store = new MemoryEventStore();
    const readStore = new SqliteReadStore(':memory:');
    try {
      const lastCuts = new Map<string, string>();
      await append(store, [{ code: '1.1', kind: 'open', date: '2022-06-15', days: 20 }], 0, lastCuts);
      await rebuildProjections(store, readStore, [procedureCatalogProjection], { asOf: '9999-12-31' });
      await append(store, [{ code: '1.1', kind: 'cut', date: '2023-01-01', days: 12 }], 1, lastCuts);
      await rebuildProjections(store, readStore, [auditTrailProjection]);

      const queries = jest.spyOn(readStore, 'query');
      const reads = jest.spyOn(readStore, 'iterate');
      const [catalog] = await new ProcedureTimeline(new ProjectionsAtRest(readStore)).atOneMoment((moment) => moment.catalogsAt([undefined]));
      expect(byCode(catalog)).toEqual(catalogueByDefinition(await store.readAll(), {}));
      // No date is after 9999-12-31: nothing is asked of the dates beyond it, only of what was recorded since.
      expect(queries).not.toHaveBeenCalled();
      expect(reads.mock.calls.map(([, , query]) => query?.after?.id)).toEqual(['000000000000001']);
    } finally {
      readStore.close();
    }
  });
});
