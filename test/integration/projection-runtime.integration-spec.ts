import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CORRECTION } from '../../src/core/corrections';
import { RecordedEvent } from '../../src/core/event-envelope';
import { SqliteEventStore } from '../../src/core/event-store/sqlite-event-store';
import { AnyProjection, DocumentProjection } from '../../src/core/projection/document-projection';
import { ProjectionBatch } from '../../src/core/projection/projection-batch';
import { ProjectionRunner } from '../../src/core/projection/projection-runner';
import { SqliteReadStore } from '../../src/core/projection/read-store';
import { rebuildProjections } from '../../src/core/projection/rebuild';
import { anEvent } from '../support/event-factory';

/** Records every position it folds, so a double-applied or skipped event shows. */
interface Seen {
  readonly positions: number[];
}
const seenProjection = (version = 1, onEvent?: (event: RecordedEvent) => void): DocumentProjection<Seen> => ({
  name: 'seen',
  version,
  handles: ['SomethingRecorded'],
  documentId: (event) => event.streamId,
  evolve: (seen, event) => {
    onEvent?.(event);
    return { positions: [...(seen?.positions ?? []), version === 1 ? event.position : -event.position] };
  },
  indexes: { folds: (seen) => seen.positions.length },
});

/** One document per stream, refolded whole when an event of the stream is corrected. */
const markersProjection: DocumentProjection<{ markers: unknown[] }> = {
  name: 'markers',
  version: 1,
  handles: ['SomethingRecorded', CORRECTION],
  foldsWholeStream: true,
  documentId: (event) => event.streamId,
  evolve: (doc, event) => (event.type === CORRECTION ? doc : { markers: [...(doc?.markers ?? []), (event.data as { marker: unknown }).marker] }),
};

/** Markers of one stream with the revision last folded; a removal drops the document until the stream records again. */
const streamMarkersProjection: DocumentProjection<{ markers: unknown[]; revision: number }> = {
  name: 'stream-markers',
  version: 1,
  handles: ['SomethingRecorded', 'SomethingRemoved', CORRECTION],
  foldsWholeStream: true,
  documentId: (event) => event.streamId,
  evolve: (doc, event) => {
    if (event.type === 'SomethingRemoved') return undefined;
    if (event.type === CORRECTION) return doc && { ...doc, revision: event.revision };
    return { markers: [...(doc?.markers ?? []), (event.data as { marker: unknown }).marker], revision: event.revision };
  },
  indexes: { markers: (doc) => doc.markers.length },
};

/** A document per event, like the audit trail. */
const eachEventProjection: DocumentProjection<{ position: number }> = {
  name: 'each-event',
  version: 1,
  handles: ['SomethingRecorded'],
  documentPerEvent: true,
  documentId: (event) => String(event.position).padStart(8, '0'),
  evolve: (_nothing, event) => ({ position: event.position }),
  indexes: { position: (doc) => doc.position },
};

describe('projection runtime', () => {
  let dir: string;
  let store: SqliteEventStore;
  const readStores: SqliteReadStore[] = [];
  const openReadStore = () => {
    const readStore = new SqliteReadStore(join(dir, 'read.sqlite'));
    readStores.push(readStore);
    return readStore;
  };
  const appendEvents = async (count: number, streams = 10) => {
    for (let i = 0; i < count; i += 500) {
      await store.appendToStreams(
        Array.from({ length: streams }, (_, s) => ({
          streamId: `s-${s}`,
          expectedRevision: 'any' as const,
          events: Array.from({ length: Math.min(500, count - i) / streams }, (_, k) => anEvent(`${s}-${i + k}`)),
        })),
      );
    }
  };
  const allPositions = (readStore: SqliteReadStore, projection: DocumentProjection<Seen>) => {
    const status = readStore.status(projection.name)!;
    return [...readStore.documents(projection, status.generation)].flatMap((d) => d.positions).sort((a, b) => a - b);
  };

  /** Makes the projections live at the start of an empty log, so that a backlog appended next is folded live. */
  const liveOnEmptyLog = async (readStore: SqliteReadStore, projections: AnyProjection[]) => {
    const runner = new ProjectionRunner(store, readStore, projections);
    await runner.start();
    await runner.caughtUp();
    await runner.stop();
    for (const p of projections) if (readStore.status(p.name)?.version !== p.version) throw new Error(`${p.name} did not go live`);
  };

  // Every runner started, stopped after each test: one left running by a failed assertion would go on polling closed
  // files, and keep jest from ever ending, instead of letting the test fail.
  const started: ProjectionRunner[] = [];
  const start = ProjectionRunner.prototype.start;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-projections-'));
    store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
    jest.spyOn(ProjectionRunner.prototype, 'start').mockImplementation(function (this: ProjectionRunner) {
      started.push(this);
      return start.call(this);
    });
  });
  afterEach(async () => {
    jest.restoreAllMocks();
    await Promise.all(started.splice(0).map((runner) => runner.stop()));
    readStores.splice(0).forEach((r) => r.close());
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('resumes after a stop in the middle of the log with every event folded exactly once', async () => {
    let first: ProjectionRunner | undefined;
    // Stops the runner while it folds position 1234: it finishes that page, flushes, and goes no further.
    const projection = seenProjection(1, (event) => void (event.position === 1234 && first?.stop()));
    const readStore = openReadStore();
    await liveOnEmptyLog(readStore, [projection]);
    await appendEvents(5000);
    first = new ProjectionRunner(store, readStore, [projection], { pageSize: 100 });
    await first.start();
    while (first.checkpoint < 1300) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 50));
    expect(first.checkpoint).toBe(1300);

    const second = new ProjectionRunner(store, openReadStore(), [projection], { pageSize: 100 });
    await second.start();
    await second.caughtUp();
    await second.stop();
    expect(allPositions(readStores[1], projection)).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
  });

  it('lets writes gather at the head of the log before folding them, a pause that a waiting reader cuts short', async () => {
    const projection = seenProjection();
    const readStore = openReadStore();
    await liveOnEmptyLog(readStore, [projection]);
    const runner = new ProjectionRunner(store, readStore, [projection], { gatherMs: 60_000 });
    await runner.start();
    await store.appendToStream({ streamId: 's-1', expectedRevision: 'any', events: [anEvent('first')] });
    while (runner.checkpoint < 1) await new Promise((r) => setTimeout(r, 5));
    for (let i = 0; i < 10; i++) await store.appendToStream({ streamId: 's-1', expectedRevision: 'any', events: [anEvent(i)] });
    await new Promise((r) => setTimeout(r, 100));
    expect(runner.checkpoint).toBe(1);

    await runner.caughtUp(2000);
    expect(runner.checkpoint).toBe(11);
    await store.appendToStream({ streamId: 's-1', expectedRevision: 'any', events: [anEvent('last')] });
    await runner.stop();
  });

  it('lets the thread do other work between the pages of a backlog', async () => {
    const readStore = openReadStore();
    await liveOnEmptyLog(readStore, [seenProjection()]);
    await appendEvents(2000);
    const runner = new ProjectionRunner(store, readStore, [seenProjection()], { pageSize: 100 });
    await runner.start();
    // A timer set now runs on a later turn of the event loop: the runner must give it one before the last page.
    await new Promise((r) => setTimeout(r, 0));
    expect(runner.checkpoint).toBeLessThan(2000);
    await runner.caughtUp();
    expect(runner.checkpoint).toBe(2000);
    await runner.stop();
  });

  it('loses a batch that crashed before its flush together with its checkpoint, so it is folded again once', async () => {
    await appendEvents(1000);
    const projection = seenProjection();
    const runner = new ProjectionRunner(store, openReadStore(), [projection]);
    await runner.start();
    await runner.caughtUp();
    await runner.stop();
    await appendEvents(500);

    const readStore = readStores[0];
    const status = readStore.status(projection.name)!;
    const target = { projection, generation: status.generation, position: status.position, live: true };
    const crashed = new ProjectionBatch(readStore, [target], async () => []);
    await crashed.apply(await store.readAll({ fromPosition: 1001 }));
    // No flush: the process died here.
    expect(readStore.status(projection.name)!.position).toBe(1000);

    const resumed = new ProjectionRunner(store, readStore, [projection]);
    await resumed.start();
    await resumed.caughtUp();
    await resumed.stop();
    expect(allPositions(readStore, projection)).toEqual(Array.from({ length: 1500 }, (_, i) => i + 1));
  });

  it('rolls back documents and checkpoint together when a write fails', async () => {
    await appendEvents(100);
    const projection = seenProjection();
    const readStore = openReadStore();
    const runner = new ProjectionRunner(store, readStore, [projection]);
    await runner.start();
    await runner.caughtUp();
    await runner.stop();
    await appendEvents(100);

    const failing: DocumentProjection<Seen> = { ...projection, indexes: { folds: () => { throw new Error('disk trouble'); } } };
    const status = readStore.status(projection.name)!;
    const batch = new ProjectionBatch(readStore, [{ projection: failing, generation: status.generation, position: status.position, live: true }], async () => []);
    await batch.apply(await store.readAll({ fromPosition: 101 }));
    expect(() => batch.flush()).toThrow('disk trouble');
    expect(readStore.status(projection.name)!.position).toBe(100);
    expect(allPositions(readStore, projection)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
  });

  it('rebuilds a projection from the start of the log when its version changed', async () => {
    await appendEvents(300);
    const v1 = new ProjectionRunner(store, openReadStore(), [seenProjection(1)]);
    await v1.start();
    await v1.caughtUp();
    await v1.stop();

    const v2 = new ProjectionRunner(store, readStores[0], [seenProjection(2)]);
    await v2.start();
    await v2.caughtUp();
    await v2.stop();
    expect(v2.health()).toEqual([{ name: 'seen', version: 2, checkpoint: 300 }]);
    expect(allPositions(readStores[0], seenProjection(2))).toEqual(Array.from({ length: 300 }, (_, i) => -300 + i));
  });

  it('builds a new projection whole, giving the thread a turn between the pages of the build, then folds live', async () => {
    await appendEvents(25_000);
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const turnsAt = new Map<number, number>();
    const projection = seenProjection(1, (event) => void turnsAt.set(event.position, turns));
    const runner = new ProjectionRunner(store, openReadStore(), [projection]);
    await runner.start();
    await runner.caughtUp();
    clearInterval(ticker);
    // The build reads pages of the runner's 2,000 events: the thread ran its timer between the first page and the last.
    expect(turnsAt.get(25_000)!).toBeGreaterThan(turnsAt.get(1)!);

    await store.appendToStream({ streamId: 's-1', expectedRevision: 'any', events: [anEvent('after the build')] });
    await runner.caughtUp();
    await runner.stop();
    expect(allPositions(readStores[0], projection)).toEqual(Array.from({ length: 25_001 }, (_, i) => i + 1));
  });

  it('gives the thread a turn between the indexes it makes at the end of a build', async () => {
    await appendEvents(25_000);
    const projection: DocumentProjection<{ position: number }> = {
      ...eachEventProjection,
      indexes: { position: (doc) => doc.position, parity: (doc) => doc.position % 2 },
    };
    const readStore = openReadStore();
    let turns = 0;
    const ticker = setInterval(() => turns++, 0);
    const turnsAtIndex: number[] = [];
    const createIndex = readStore.createIndex.bind(readStore);
    jest.spyOn(readStore, 'createIndex').mockImplementation((...args) => {
      turnsAtIndex.push(turns);
      createIndex(...args);
    });
    const runner = new ProjectionRunner(store, readStore, [projection]);
    await runner.start();
    await runner.caughtUp();
    clearInterval(ticker);
    // Each index of 25,000 rows takes milliseconds: the timer ran between the first and the second.
    expect(turnsAtIndex).toHaveLength(2);
    expect(turnsAtIndex[1]).toBeGreaterThan(turnsAtIndex[0]);
  });

  it('reports a new projection as being built until it is live, and a reader waits for it even over an empty log', async () => {
    const projection = seenProjection();
    const readStore = openReadStore();
    const runner = new ProjectionRunner(store, readStore, [projection]);
    await runner.start();
    expect(runner.health()).toEqual([{ name: 'seen', version: 1, checkpoint: 0, building: true }]);
    // The log's head is 0, which a checkpoint of 0 already reaches: only the build's end may answer this reader.
    await runner.caughtUp();
    expect(readStore.status(projection.name)).toEqual({ name: 'seen', version: 1, generation: expect.any(Number), position: 0, checkpointEvent: null });
    expect(runner.health()).toEqual([{ name: 'seen', version: 1, checkpoint: 0 }]);
  });

  describe('a read store that outlives its log', () => {
    /**
     * A read store caught up with a log of 300 events in 10 streams, then another log of `events` events in 5 streams
     * (of the same names) in its place.
     */
    const foldedElsewhere = async (events: number) => {
      await appendEvents(300);
      const readStore = openReadStore();
      const first = new ProjectionRunner(store, readStore, [seenProjection()]);
      await first.start();
      await first.caughtUp();
      await first.stop();
      await store.close();
      store = new SqliteEventStore({ file: join(dir, 'other-events.sqlite'), pollIntervalMs: 20 });
      if (events > 0) await appendEvents(events, 5);
      return readStore;
    };
    const documentsOf = (readStore: SqliteReadStore) =>
      readStore.query(seenProjection(), readStore.status('seen')!.generation).map((row) => [row.id, row.document.positions]);
    /** The documents of the read store once a runner caught it up with the log, and those a rebuild from scratch makes. */
    const caughtUpAndRebuilt = async (readStore: SqliteReadStore) => {
      const runner = new ProjectionRunner(store, readStore, [seenProjection()]);
      await runner.start();
      await runner.caughtUp();
      await runner.stop();
      const fresh = new SqliteReadStore(join(dir, 'fresh-read.sqlite'));
      readStores.push(fresh);
      await rebuildProjections(store, fresh, [seenProjection()]);
      return { caughtUp: documentsOf(readStore), rebuilt: documentsOf(fresh) };
    };

    it('builds a read model again from a log that ends before its checkpoint (a log restored from an older backup)', async () => {
      const { caughtUp, rebuilt } = await caughtUpAndRebuilt(await foldedElsewhere(100));
      expect(caughtUp).toHaveLength(5);
      expect(caughtUp).toEqual(rebuilt);
    });

    it('builds a read model again from a log that holds another event at its checkpoint (another ledger)', async () => {
      const readStore = await foldedElsewhere(500);
      // Folded on from its checkpoint, it would keep the other log's ten streams and add this one's events from 301.
      const { caughtUp, rebuilt } = await caughtUpAndRebuilt(readStore);
      expect(caughtUp).toHaveLength(5);
      expect(caughtUp).toEqual(rebuilt);
      expect(readStore.status('seen')).toMatchObject({ position: 500, checkpointEvent: (await store.readAll({ fromPosition: 500 }))[0].id });
    });

    it('drops the snapshots folded from another log, keeps those of this one, and leaves one written again meanwhile', async () => {
      await appendEvents(300);
      const readStore = openReadStore();
      const head = await rebuildProjections(store, readStore, [seenProjection()], { asOf: '2099-12-31' });
      const at = async (position: number) => (await store.readAll({ fromPosition: position, maxCount: 1 }))[0].id;
      const snapshotAt = (label: string, position: number, checkpointEvent: string | null) => {
        const generation = readStore.createGeneration(seenProjection());
        readStore.db.transaction(() => readStore.registerSnapshot(seenProjection(), label, generation, position, { asOf: label }, checkpointEvent)).immediate();
        return generation;
      };
      snapshotAt('2001-01-01', 200, await at(200));
      snapshotAt('2002-01-01', 200, await at(199));
      snapshotAt('2003-01-01', 400, null);
      snapshotAt('2004-01-01', 250, null);
      const again = snapshotAt('2005-01-01', 100, 'another-event');
      const labelsOf = () => readStore.snapshots().map((snapshot) => snapshot.label);
      expect(labelsOf()).toHaveLength(6);

      // One written again under a label between the look and the drop is not the one looked at.
      expect(readStore.dropSnapshot('2005-01-01', again + 1)).toBe(false);
      const runner = new ProjectionRunner(store, readStore, [seenProjection()]);
      await runner.start();
      await runner.stop();

      expect(head.position).toBe(300);
      // Kept: this log's event at the position, or no event named (a read store from before) and one there.
      expect(labelsOf()).toEqual(['2001-01-01', '2004-01-01', 'seen@asOf=2099-12-31']);
      expect(readStore.snapshot('seen@asOf=2099-12-31')).toMatchObject({ position: 300, checkpointEvent: await at(300) });
    });

    it('folds on from a checkpoint that names no event (a read store kept before they did) while the log has an event there', async () => {
      const readStore = await foldedElsewhere(0);
      await store.close();
      store = new SqliteEventStore({ file: join(dir, 'events.sqlite'), pollIntervalMs: 20 });
      readStore.db.prepare('UPDATE projections SET checkpoint_event = NULL').run();
      await appendEvents(200);
      const runner = new ProjectionRunner(store, readStore, [seenProjection()]);
      await runner.start();
      expect(runner.health()).toEqual([{ name: 'seen', version: 1, checkpoint: 300 }]);
      await runner.caughtUp();
      await runner.stop();
      expect(allPositions(readStore, seenProjection())).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    });
  });

  it('gives a read store kept before checkpoints named their event the column for it, keeping its checkpoints', () => {
    const file = join(dir, 'old-read.sqlite');
    const old = new Database(file);
    old.exec('CREATE TABLE projections (name TEXT PRIMARY KEY, version INTEGER NOT NULL, generation INTEGER NOT NULL, position INTEGER NOT NULL)');
    old.prepare('INSERT INTO projections VALUES (?, ?, ?, ?)').run('seen', 1, 1, 42);
    old.close();
    const readStore = new SqliteReadStore(file);
    readStores.push(readStore);
    expect(readStore.status('seen')).toEqual({ name: 'seen', version: 1, generation: 1, position: 42, checkpointEvent: null });
  });

  it('stops a build between its pages rather than at its end, and builds it whole again at the next start', async () => {
    await appendEvents(25_000);
    let runner: ProjectionRunner | undefined;
    let stopped: Promise<void> | undefined;
    let lastFolded = 0;
    const projection = seenProjection(1, (event) => {
      lastFolded = Math.max(lastFolded, event.position);
      if (event.position === 12_345) stopped ??= runner!.stop();
    });
    runner = new ProjectionRunner(store, openReadStore(), [projection]);
    await runner.start();
    while (!stopped) await new Promise((r) => setTimeout(r, 5));
    await stopped;
    expect(lastFolded).toBe(14_000);
    expect(readStores[0].status(projection.name)).toBeUndefined();

    const again = new ProjectionRunner(store, openReadStore(), [seenProjection()]);
    await again.start();
    await again.caughtUp();
    await again.stop();
    expect(allPositions(readStores[1], projection)).toEqual(Array.from({ length: 25_000 }, (_, i) => i + 1));
  });

  it('stops a projection whose fold throws, reports it, and keeps the others going', async () => {
    await appendEvents(100);
    const broken = { ...seenProjection(1, (e) => { if (e.position === 42) throw new Error('cannot fold 42'); }), name: 'broken' };
    const healthy = seenProjection();
    const runner = new ProjectionRunner(store, openReadStore(), [broken, healthy]);
    await runner.start();
    await expect(runner.caughtUp()).rejects.toMatchObject({ httpStatus: 503 });
    await runner.stop();
    const health = runner.health();
    expect(health.find((h) => h.name === 'broken')).toMatchObject({ checkpoint: 0, error: expect.stringContaining('cannot fold 42') });
    expect(health.find((h) => h.name === 'seen')).toMatchObject({ checkpoint: 100 });
  });

  it('rebuilds beside the live read model into exactly the same documents, and the live runner carries on after the swap', async () => {
    await appendEvents(2000);
    const projection = seenProjection();
    const readStore = openReadStore();
    const runner = new ProjectionRunner(store, readStore, [projection]);
    await runner.start();
    await runner.caughtUp();
    const live = allPositions(readStore, projection);
    const liveGeneration = readStore.status(projection.name)!.generation;

    const progress: number[] = [];
    const result = await rebuildProjections(store, openReadStore(), [projection], { pageSize: 300, onProgress: (p) => progress.push(p.position) });
    expect(result).toMatchObject({ events: 2000, position: 2000, projections: ['seen'] });
    expect(progress.at(-1)).toBe(2000);
    expect(readStore.status(projection.name)!.generation).not.toBe(liveGeneration);
    expect(allPositions(readStore, projection)).toEqual(live);

    await appendEvents(100);
    await runner.caughtUp();
    await runner.stop();
    expect(allPositions(readStore, projection)).toEqual(Array.from({ length: 2100 }, (_, i) => i + 1));
  });

  it('rebuilds the same documents when few are kept in memory between pages, corrections and per-event documents included', async () => {
    await appendEvents(1000);
    const [corrected] = await store.readStream('s-3', { maxCount: 1 });
    await store.appendToStream({
      streamId: 's-3',
      expectedRevision: 'any',
      events: [anEvent('correction', { type: CORRECTION, data: { correctsEventId: corrected.id, correctedType: corrected.type, reason: 'typo', data: { marker: 'fixed' } } })],
    });
    await appendEvents(1000);
    const projections: AnyProjection[] = [seenProjection(), markersProjection, eachEventProjection];
    const readStore = openReadStore();
    const runner = new ProjectionRunner(store, readStore, projections);
    await runner.start();
    await runner.caughtUp();
    await runner.stop();
    const documents = () =>
      projections.map((projection) => [...readStore.documents<unknown>(projection, readStore.status(projection.name)!.generation)]);
    const live = documents();
    expect(live[1]).toContainEqual({ markers: expect.arrayContaining(['fixed']) });

    // A few documents kept per projection (each is a few hundred bytes of JSON) and pages of 70 events: documents
    // leave memory and come back all the time.
    await rebuildProjections(store, openReadStore(), projections, { pageSize: 70, keptBytes: 2000 });
    expect(documents()).toEqual(live);
    const { generation } = readStore.status('seen')!;
    expect(readStore.query(seenProjection(), generation, { orderBy: 'folds', limit: 1 })[0].document.positions).toHaveLength(200);
    // Indexes deferred during the rebuild exist once it is live.
    const indexes = readStore.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'rm\\_%' ESCAPE '\\'").all();
    expect(indexes.map((i) => i.name).sort()).toEqual(
      [`rm_seen_g${generation}_folds`, `rm_each_event_g${readStore.status('each-event')!.generation}_position`].sort(),
    );
  });

  it('builds whole-stream documents stream by stream into the documents a fold in log order makes', async () => {
    // Streams interleaved; one long enough to span many pages; corrections, twice of one event; a removal and a
    // return; events the projection does not fold; effective dates over three years for an "as of" snapshot.
    const streams = ['s-0', 's-1', 's-2', 's-3', 'other'];
    for (let i = 0; i < 600; i++) {
      const streamId = i % 3 === 0 ? 'long' : streams[i % streams.length];
      const type = streamId === 'other' ? 'SomethingElse' : i === 301 ? 'SomethingRemoved' : 'SomethingRecorded';
      const metadata = { actor: 't', effectiveDate: `${2021 + (i % 3)}-0${1 + (i % 9)}-15`, correlationId: 'c' };
      await store.appendToStream({ streamId, expectedRevision: 'any', events: [anEvent(i, { type, metadata })] });
      if (i % 150 === 149) {
        // s-0 twice over the same event, s-1 before its removal, the long stream last.
        const [corrected] = await store.readStream(['s-0', 's-1', 's-0', 'long'][Math.floor(i / 150)], { fromRevision: 3, maxCount: 1 });
        const data = { correctsEventId: corrected.id, correctedType: corrected.type, reason: 'typo', data: { marker: `fixed ${i}` } };
        await store.appendToStream({ streamId: corrected.streamId, expectedRevision: 'any', events: [anEvent(`c${i}`, { type: CORRECTION, data })] });
      }
    }
    const readStore = openReadStore();
    const runner = new ProjectionRunner(store, readStore, [streamMarkersProjection]);
    await runner.start();
    await runner.caughtUp();
    await runner.stop();
    const documents = (generation: number) => [...readStore.documents(streamMarkersProjection, generation)];
    const live = documents(readStore.status(streamMarkersProjection.name)!.generation);
    const markers = live.flatMap((d) => d.markers);
    expect(markers).toEqual(expect.arrayContaining(['fixed 449', 'fixed 599']));
    expect(markers).not.toContain('fixed 149');

    const byStream = jest.spyOn(store, 'readAllByStream');
    const inLogOrder = Object.assign(Object.create(store) as SqliteEventStore, { readAllByStream: undefined });
    const asOf = '2022-06-30';
    const snapshot = () => documents(readStore.snapshot(`stream-markers@asOf=${asOf}`)!.generation);

    await rebuildProjections(inLogOrder, openReadStore(), [streamMarkersProjection], { asOf, pageSize: 37 });
    expect(byStream).not.toHaveBeenCalled();
    const snapshotInLogOrder = snapshot();
    await rebuildProjections(store, openReadStore(), [streamMarkersProjection], { asOf, pageSize: 37 });
    expect(snapshot()).toEqual(snapshotInLogOrder);
    expect(snapshotInLogOrder).not.toEqual(live);

    const progress: number[] = [];
    await rebuildProjections(store, openReadStore(), [streamMarkersProjection], { pageSize: 37, onProgress: (p) => progress.push(p.position) });
    const head = await store.headPosition();
    // Both rebuilds read the whole log stream by stream, a page at a time.
    expect(byStream.mock.calls.length).toBeGreaterThanOrEqual(2 * Math.ceil(head / 37));
    expect(documents(readStore.status(streamMarkersProjection.name)!.generation)).toEqual(live);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    expect(progress.at(-1)).toBe(head);

    // Pages ended by their length of JSON, a few events each, long before 37 events: not taken for the log's end.
    byStream.mockClear();
    await rebuildProjections(store, openReadStore(), [streamMarkersProjection], { pageSize: 37, pageJsonLength: 300 });
    const pages = await Promise.all(byStream.mock.results.map(({ value }) => value as Promise<unknown[]>));
    expect(pages.filter((page) => page.length > 0).every((page) => page.length < 37)).toBe(true);
    expect(pages.flat()).toHaveLength(head);
    expect(documents(readStore.status(streamMarkersProjection.name)!.generation)).toEqual(live);
  });

  it('refuses to keep documents unwritten for a live target, whose checkpoint must move with its documents', () => {
    const readStore = openReadStore();
    const projection = seenProjection();
    const generation = readStore.createGeneration(projection);
    expect(() => new ProjectionBatch(readStore, [{ projection, generation, position: 0, live: true }], async () => [], 10)).toThrow(/live target/);
  });

  it('builds an "as of" snapshot beside the live read model without touching it', async () => {
    await store.appendToStream({
      streamId: 's-1',
      expectedRevision: 'any',
      events: ['2021-05-01', '2022-05-01', '2023-05-01'].map((effectiveDate, i) =>
        anEvent(i, { metadata: { actor: 't', effectiveDate, correlationId: 'c' } }),
      ),
    });
    const projection = seenProjection();
    const readStore = openReadStore();
    const result = await rebuildProjections(store, readStore, [projection], { asOf: '2022-12-31' });
    expect(result.snapshot).toBe('asOf=2022-12-31');
    const snapshot = readStore.snapshot('seen@asOf=2022-12-31')!;
    expect([...readStore.documents(projection, snapshot.generation)]).toEqual([{ positions: [1, 2] }]);
    expect(readStore.status(projection.name)).toBeUndefined();
  });
});
