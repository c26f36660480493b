import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ALL_PROJECTIONS } from '../../projections';
import { loadConfig, LedgerConfig, SQLITE_FILE_NAME } from '../../src/config/ledger-config';
import { startLiveProjectionsWorker } from '../../src/config/live-projections';
import { openReadStore } from '../../src/config/open-read-store';
import { UnavailableError } from '../../src/core/errors/ledger-errors';
import { SqliteEventStore } from '../../src/core/event-store/sqlite-event-store';
import { LiveProjections, lowestCheckpoint } from '../../src/core/projection/live-projections';
import { ProjectionRunner } from '../../src/core/projection/projection-runner';
import { ProjectionWorker } from '../../src/core/projection/projection-worker';
import { SqliteReadStore } from '../../src/core/projection/read-store';
import { anEvent } from '../support/event-factory';
import { startTestApp } from '../support/test-app';

/** Polls until `check` holds, failing the test after a while rather than hanging it. */
async function eventually(check: () => boolean, timeoutMs = 15_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error('still not so after the time-out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('projections folded in a worker thread', () => {
  let dir: string;
  let config: LedgerConfig;
  let store: SqliteEventStore;
  let readStore: SqliteReadStore;
  let spawned: Worker[];
  let projections: ProjectionWorker;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-projection-worker-'));
    config = loadConfig({ LEDGER_EVENT_STORE: 'sqlite', LEDGER_DATA_DIR: dir });
    store = new SqliteEventStore({ file: join(dir, SQLITE_FILE_NAME) });
    readStore = openReadStore(config);
    spawned = [];
    projections = new ProjectionWorker(store, readStore, () => {
      const worker = startLiveProjectionsWorker(config);
      spawned.push(worker);
      return worker;
    });
  });

  afterEach(async () => {
    await projections.stop();
    readStore.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const append = (streamId: string, count: number) => store.appendToStream({ streamId, expectedRevision: 'any', events: Array.from({ length: count }, (_, i) => anEvent(i)) });

  it('folds what this thread appends, and a reader waiting for its own writes is answered once they are folded', async () => {
    await projections.start();
    expect(projections.health().map((p) => p.name)).toEqual(ALL_PROJECTIONS.map((p) => p.name));
    await append('procedure-1', 3);
    await append('procedure-2', 4);
    await projections.caughtUp();
    const head = await store.headPosition();
    expect(head).toBe(7);
    expect(lowestCheckpoint(projections.health())).toBeGreaterThanOrEqual(head);
    // Written by the worker's connection, read through this thread's.
    for (const p of ALL_PROJECTIONS) expect(readStore.status(p.name)?.position).toBeGreaterThanOrEqual(head);
  });

  it('answers a reader right after the start over an empty log only once every read model is built', async () => {
    await projections.start();
    await projections.caughtUp();
    for (const p of ALL_PROJECTIONS) expect(readStore.status(p.name)).toMatchObject({ version: p.version, position: 0 });
    expect(projections.health().filter((p) => p.building)).toEqual([]);
  });

  it('reports a worker that stopped on its own, answers readers at once meanwhile, and starts it again', async () => {
    await projections.start();
    await append('procedure-1', 2);
    await projections.caughtUp();
    await spawned[0].terminate();
    await eventually(() => projections.health().every((p) => p.error?.includes('projection worker stopped')));
    await append('procedure-1', 2);
    const started = Date.now();
    await expect(projections.caughtUp()).rejects.toThrow(UnavailableError);
    expect(Date.now() - started).toBeLessThan(5000);
    await eventually(() => spawned.length === 2 && projections.health().every((p) => p.error === undefined));
    await projections.caughtUp();
    expect(lowestCheckpoint(projections.health())).toBe(4);
  });

  it('ends the worker on stop, which folds no more', async () => {
    await projections.start();
    await projections.caughtUp();
    const exited = new Promise<number>((resolve) => spawned[0].once('exit', resolve));
    await projections.stop();
    await exited;
    await append('procedure-1', 1);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readStore.status(ALL_PROJECTIONS[0].name)?.position).toBe(0);
  });

  it('fails to start with the worker\'s reason when it cannot open the store', async () => {
    const file = join(dir, 'not-a-folder');
    writeFileSync(file, '');
    const broken = new ProjectionWorker(store, readStore, () => startLiveProjectionsWorker({ ...config, dataDir: file }));
    await expect(broken.start()).rejects.toThrow(/projections could not start: LEDGER_DATA_DIR .*not-a-folder/);
    await broken.stop();
  });
});

describe('where the application folds its projections', () => {
  const foldedBy = async (backend: 'sqlite' | 'memory', env: Record<string, string> = {}) => {
    const t = await startTestApp(backend, env);
    try {
      return t.app.get(LiveProjections).constructor;
    } finally {
      await t.close();
    }
  };

  it('in a worker on SQLite, unless turned off; in its own thread in memory', async () => {
    expect(await foldedBy('sqlite')).toBe(ProjectionWorker);
    expect(await foldedBy('sqlite', { LEDGER_PROJECTION_WORKER: 'false' })).toBe(ProjectionRunner);
    expect(await foldedBy('memory')).toBe(ProjectionRunner);
  });
});
