import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { CORRECTION } from '../../src/core/corrections';
import { EventStore } from '../../src/core/event-store/event-store.port';
import { MemoryEventStore } from '../../src/core/event-store/memory-event-store';
import { TimeFilter } from '../../src/core/projection/event-filter';
import { SqliteReadStore } from '../../src/core/projection/read-store';
import { rebuildProjections } from '../../src/core/projection/rebuild';
import { auditTrailProjection } from '../../projections/audit-trail.projection';
import { procedureCatalogProjection } from '../../projections/procedure-catalog.projection';
import { procedureStreamId } from '../../src/procedures/procedure';

/** Effective dates the drawn events take: with year ends among them, as snapshots are written for. */
export const DRAWN_DATES = ['2021-03-01', '2022-06-15', '2022-12-31', '2023-01-01', '2023-09-30', '2024-12-31'];
const CODES = ['1.1', '1.2', '1.3'];

/** A procedure event drawn for a property of the folds: its kind, procedure, effective date and announced days. */
export interface DrawnProcedureEvent {
  readonly code: string;
  readonly kind: 'open' | 'amend' | 'cut' | 'correct' | 'abolish';
  readonly date: string;
  readonly days: number;
}

/**
 * Procedure events in log order, corrections of cuts among them, their effective dates in any order: the ledger's rules
 * keep a stream's dates in order, but a correction takes the date of the event it corrects, and the folds must not
 * depend on the rules.
 */
export const drawnProcedureEvents = (maxLength: number): fc.Arbitrary<DrawnProcedureEvent[]> =>
  fc.array(
    fc.record<DrawnProcedureEvent>({
      code: fc.constantFrom(...CODES),
      kind: fc.constantFrom('open', 'amend', 'cut', 'correct', 'abolish'),
      date: fc.constantFrom(...DRAWN_DATES),
      days: fc.integer({ min: 1, max: 30 }),
    }),
    { maxLength },
  );

/**
 * The type and data of a drawn event. `lastCut` is the id of its procedure's latest cut, which a correction corrects
 * (without one, a correction is drawn as a cut).
 */
export function typeAndData({ code, kind, days }: DrawnProcedureEvent, lastCut: string | undefined): [string, unknown] {
  const attributes = { name: `Thủ tục ${code}`, level: 'province', field: 'Đất đai', agency: 'Sở Tài nguyên', statutoryDays: 30, announcedDays: days, onlineLevel: 'fully', connectedToNationalPortal: true, interLevel: false };
  if (kind === 'open') return ['ProcedureOpened', { code, ...attributes }];
  if (kind === 'amend') return ['ProcedureAmended', { code, ...attributes, name: `Thủ tục ${code} (sửa đổi)` }];
  if (kind === 'cut' || (kind === 'correct' && !lastCut)) return ['ProcessingTimeCut', { code, fromDays: 30, toDays: days }];
  if (kind === 'correct') return [CORRECTION, { correctsEventId: lastCut, correctedType: 'ProcessingTimeCut', reason: 'sai số', data: { code, fromDays: 30, toDays: days } }];
  return ['ProcedureAbolished', { code }];
}

/** Each event is recorded a second after the one before it, from here: the "known at" axis then tells them apart. */
const FIRST_RECORDED = Date.parse('2025-01-01T00:00:00Z');
export const recordedTimeOf = (index: number): string => new Date(FIRST_RECORDED + index * 1_000).toISOString();

/**
 * Fakes only the clock for the tests of the enclosing block, for appendDrawn to set it: rebuilds wait on the event
 * loop's turns, which stay real.
 */
export function withFakeClock(): void {
  beforeAll(() => jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'clearImmediate', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'queueMicrotask', 'hrtime', 'performance'] }));
  afterAll(() => jest.useRealTimers());
}

/**
 * Appends the drawn events one at a time, each its own append at its own second, from the `first`th event of the log
 * (under the fake clock: see withFakeClock). `lastCuts` carries each procedure's latest cut from one call to the next.
 */
export async function appendDrawn(store: EventStore, drawn: readonly DrawnProcedureEvent[], first: number, lastCuts: Map<string, string>): Promise<void> {
  for (const [i, event] of drawn.entries()) {
    const id = randomUUID();
    const [type, data] = typeAndData(event, lastCuts.get(event.code));
    if (event.kind === 'cut') lastCuts.set(event.code, id);
    jest.setSystemTime(Date.parse(recordedTimeOf(first + i)));
    await store.appendToStream({
      streamId: procedureStreamId(event.code),
      expectedRevision: 'any',
      events: [{ id, type, schemaVersion: 1, data, metadata: { effectiveDate: event.date, actor: 'office', correlationId: randomUUID() } }],
    });
  }
}

/** A drawn log and the catalogues held over it: see withHeldCatalogues. */
export interface HeldCataloguesDrawn {
  readonly before: readonly DrawnProcedureEvent[];
  readonly after: readonly DrawnProcedureEvent[];
  /** The point of the catalogue's snapshot, written after `before`. */
  readonly snapshot: TimeFilter;
  /** Whether the live catalogue is built after `before` too. */
  readonly live: boolean;
}

/**
 * Runs `work` over a log of the `before` then the `after` events (see appendDrawn), with the catalogue's snapshot
 * written after `before`, and the live catalogue with `live`, and the audit trail folded over the whole log: what the
 * reads and the rebuilds of the catalogue fold on.
 */
export async function withHeldCatalogues(
  { before, after, snapshot, live }: HeldCataloguesDrawn,
  work: (store: MemoryEventStore, readStore: SqliteReadStore) => Promise<void>,
): Promise<void> {
  const store = new MemoryEventStore();
  const readStore = new SqliteReadStore(':memory:');
  try {
    const lastCuts = new Map<string, string>();
    await appendDrawn(store, before, 0, lastCuts);
    await rebuildProjections(store, readStore, [procedureCatalogProjection], snapshot);
    if (live) await rebuildProjections(store, readStore, [procedureCatalogProjection]);
    await appendDrawn(store, after, before.length, lastCuts);
    await rebuildProjections(store, readStore, [auditTrailProjection]);
    await work(store, readStore);
  } finally {
    readStore.close();
  }
}

/** Whether all the `before` events had been recorded by `knownAt` (by no moment: always), as appendDrawn records them. */
export const recordedBy = (before: readonly DrawnProcedureEvent[], knownAt: string | undefined): boolean =>
  knownAt === undefined || before.length === 0 || recordedTimeOf(before.length - 1) <= knownAt;
