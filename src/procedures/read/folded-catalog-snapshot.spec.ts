import fc from 'fast-check';
import { MemoryEventStore } from '../../core/event-store/memory-event-store';
import { TimeFilter } from '../../core/projection/event-filter';
import { SqliteReadStore, tableName } from '../../core/projection/read-store';
import { rebuildProjections, snapshotLabel } from '../../core/projection/rebuild';
import { auditTrailProjection } from '../../../projections/audit-trail.projection';
import { procedureCatalogProjection } from '../../../projections/procedure-catalog.projection';
import { foldedCatalogSnapshot } from './folded-catalog-snapshot';
import { appendDrawn, DRAWN_DATES, drawnProcedureEvents, recordedBy, recordedTimeOf, withFakeClock, withHeldCatalogues } from '../../../test/support/drawn-procedure-events';

/** A snapshot's rows as stored, by id: the documents parsed (their keys may come in another order), the indexed columns as they are. */
function snapshotRows(readStore: SqliteReadStore, label: string) {
  const { generation } = readStore.snapshot(label)!;
  const rows = readStore.db.prepare(`SELECT * FROM ${tableName(procedureCatalogProjection.name, generation)} ORDER BY id`).all() as Array<{ doc: string }>;
  return rows.map(({ doc, ...row }) => ({ ...row, doc: JSON.parse(doc) as unknown }));
}

/** Every table and index of the read store, and what each row of its registries says. */
const everything = (readStore: SqliteReadStore) => ({
  schema: readStore.db.prepare('SELECT name FROM sqlite_master ORDER BY name').all(),
  projections: readStore.db.prepare('SELECT * FROM projections ORDER BY name').all(),
  snapshots: readStore.snapshots(),
});

const laterOf = (a: string, b: string) => (a > b ? a : b);

describe("the catalogue's snapshot folded on an earlier one", () => {
  withFakeClock();

  it('has the documents and indexed columns of the snapshot replayed from the log, and stands where the audit trail does', async () => {
    await fc.assert(
      fc.asyncProperty(
        drawnProcedureEvents(20),
        drawnProcedureEvents(20),
        fc.constantFrom(...DRAWN_DATES),
        fc.constantFrom(...DRAWN_DATES),
        fc.option(fc.nat(50), { nil: undefined }),
        fc.boolean(),
        fc.boolean(),
        async (before, after, earlierDate, drawnDate, knownAtIndex, knownAtNone, liveBuilt) => {
          const knownAt = knownAtIndex === undefined ? undefined : recordedTimeOf(knownAtIndex % (before.length + after.length + 1));
          const point: TimeFilter = { asOf: laterOf(earlierDate, drawnDate), knownAt };
          // Known at the same moment, or at none, which serves when all it folded was recorded by then (see
          // catalogSnapshotAt); and the live catalogue, which serves unless the snapshot is of the very date.
          const earlierKnownAt = knownAtNone ? undefined : knownAt;
          await withHeldCatalogues({ before, after, snapshot: { asOf: earlierDate, knownAt: earlierKnownAt }, live: liveBuilt }, async (store, readStore) => {
            const fold = await foldedCatalogSnapshot(store, readStore, point);
            const label = snapshotLabel(procedureCatalogProjection.name, point);
            const snapshotServes = earlierKnownAt === knownAt || recordedBy(before, knownAt);
            const from = snapshotServes && (earlierDate === point.asOf || !liveBuilt) ? { asOf: earlierDate, knownAt: earlierKnownAt ?? null } : liveBuilt ? { label: 'procedure-catalog (live)' } : undefined;
            if (!from) {
              expect(fold).toEqual({ notFolded: expect.stringMatching(`^no snapshot of procedure-catalog at or before ${label.split('@')[1]}, and the live catalogue`) });
              return;
            }
            expect(fold).toEqual({
              folded: { label, from: expect.objectContaining({ ...from, position: before.length }), entries: expect.any(Number), position: before.length + after.length, documents: expect.any(Number) },
            });
            const folded = snapshotRows(readStore, label);
            expect(readStore.snapshot(label)).toMatchObject({ position: before.length + after.length, asOf: point.asOf, knownAt: knownAt ?? null });
            expect('folded' in fold && fold.folded.documents).toBe(folded.length);

            await rebuildProjections(store, readStore, [procedureCatalogProjection], point);
            expect(folded).toEqual(snapshotRows(readStore, label));
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  describe('is not folded, and nothing is written, when', () => {
    let store: MemoryEventStore;
    let readStore: SqliteReadStore;
    const lastCuts = new Map<string, string>();
    beforeEach(async () => {
      store = new MemoryEventStore();
      readStore = new SqliteReadStore(':memory:');
      lastCuts.clear();
      await appendDrawn(store, [{ code: '1.1', kind: 'open', date: '2022-06-15', days: 20 }], 0, lastCuts);
      await rebuildProjections(store, readStore, [procedureCatalogProjection], { asOf: '2022-12-31' });
    });
    afterEach(() => readStore.close());

    const notFolded = async (point: TimeFilter, reason: string | RegExp) => {
      const untouched = everything(readStore);
      const fold = await foldedCatalogSnapshot(store, readStore, point);
      expect('notFolded' in fold && fold.notFolded).toMatch(reason);
      expect(everything(readStore)).toEqual(untouched);
    };

    it('the audit trail is not built, or was folded by another version of its projection', async () => {
      await notFolded({ asOf: '2023-12-31' }, 'the audit trail is not built yet');
      await rebuildProjections(store, readStore, [auditTrailProjection]);
      readStore.db.prepare("UPDATE projections SET version = version - 1 WHERE name = 'audit-trail'").run();
      await notFolded({ asOf: '2023-12-31' }, `the audit trail was folded by version ${auditTrailProjection.version - 1} of its projection, not ${auditTrailProjection.version}`);
    });

    it('the audit trail was folded from another log', async () => {
      await rebuildProjections(store, readStore, [auditTrailProjection]);
      readStore.db.prepare("UPDATE projections SET checkpoint_event = 'another' WHERE name = 'audit-trail'").run();
      await notFolded({ asOf: '2023-12-31' }, /^the audit trail was not folded from this log: its checkpoint, event another at position 1, is another event/);
    });

    it('no snapshot stands at or before the date, known at the same moment, or at none with all it folded recorded by then', async () => {
      await rebuildProjections(store, readStore, [auditTrailProjection]);
      await notFolded({ asOf: '2022-12-30' }, 'no snapshot of procedure-catalog at or before asOf=2022-12-30, and the live catalogue is not built or holds procedures with more than 5000 events beyond that point');
      // The snapshot folded an event recorded at 2025-01-01T00:00:00.000Z.
      await notFolded({ asOf: '2023-12-31', knownAt: '2024-12-31T23:59:59.999Z' }, 'no snapshot of procedure-catalog at or before asOf=2023-12-31&knownAt=2024-12-31T23:59:59.999Z, and the live catalogue');
    });

    it('the audit trail has not folded the log as far as the snapshot', async () => {
      await rebuildProjections(store, readStore, [auditTrailProjection]);
      await appendDrawn(store, [{ code: '1.1', kind: 'cut', date: '2022-07-01', days: 15 }], 1, lastCuts);
      await rebuildProjections(store, readStore, [procedureCatalogProjection], { asOf: '2022-12-31' });
      await notFolded({ asOf: '2023-12-31' }, 'the audit trail has folded the log up to position 1, short of the snapshot procedure-catalog@asOf=2022-12-31 (2)');
    });
  });
});
