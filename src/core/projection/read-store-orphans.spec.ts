import Database from 'better-sqlite3';
import { ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DocumentProjection } from './document-projection';
import { FOREIGN_BUILD_AT_MOST_MS, processStart } from './generation-builder';
import { SqliteReadStore, tableName } from './read-store';

const counters: DocumentProjection<{ n: number }> = {
  name: 'counters',
  version: 1,
  handles: ['Counted'],
  documentId: (event) => event.streamId,
  evolve: (document) => document,
};

const HOUR = 60 * 60 * 1000;

describe('generations nothing refers to, when a service starts', () => {
  let dir: string;
  let readStore: SqliteReadStore;
  let sleeper: ChildProcess | undefined;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ledger-orphans-'));
    readStore = new SqliteReadStore(join(dir, 'readmodels.sqlite'));
  });
  afterEach(() => {
    sleeper?.kill('SIGKILL');
    readStore.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const tables = () =>
    readStore.db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm\\_%' ESCAPE '\\' ORDER BY name")
      .all()
      .map((row) => row.name);
  /** A generation as another builder left it. */
  const builtBy = (builder: { host: string; pid: number; started: string | null; createdAt: number }): string => {
    const generation = readStore.createGeneration(counters);
    readStore.db
      .prepare('UPDATE generations SET host = ?, pid = ?, started = ?, created_at = ? WHERE generation = ?')
      .run(builder.host, builder.pid, builder.started, builder.createdAt, generation);
    return tableName(counters.name, generation);
  };
  const aliveProcess = async (): Promise<ChildProcess & { pid: number }> => {
    sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    await new Promise((resolve) => sleeper!.once('spawn', resolve));
    return sleeper as ChildProcess & { pid: number };
  };

  it('keeps the live and snapshot generations, and one being built by this very process', () => {
    const live = readStore.createGeneration(counters);
    readStore.db.transaction(() => readStore.makeLive(counters, live, 3)).immediate();
    const snapshot = readStore.createGeneration(counters);
    readStore.db.transaction(() => readStore.registerSnapshot(counters, 'counters@2024', snapshot, 2, { asOf: '2024-12-31' }, null)).immediate();
    const building = readStore.createGeneration(counters);

    readStore.dropOrphans();

    expect(tables()).toEqual([live, snapshot, building].map((generation) => tableName(counters.name, generation)).sort());
  });

  it('keeps one being built by another process that still runs (a rebuild beside the service), and drops it once that process is gone', async () => {
    const builder = await aliveProcess();
    const started = processStart(builder.pid);
    const building = builtBy({ host: hostname(), pid: builder.pid, started: started ?? null, createdAt: Date.now() });

    expect(readStore.dropOrphans()).toEqual([]);
    expect(tables()).toEqual([building]);

    builder.kill('SIGKILL');
    await new Promise((resolve) => builder.once('exit', resolve));
    expect(readStore.dropOrphans()).toEqual([building]);
    expect(tables()).toEqual([]);
  });

  // Where there is no /proc (macOS), a process's start is not known, and an earlier process of this pid is taken for this one.
  const withProc = existsSync('/proc/self/stat') ? it : it.skip;

  withProc('drops one left by an earlier process of the same pid (a restarted container), and one whose builder is not known', () => {
    const earlier = builtBy({ host: hostname(), pid: process.pid, started: '1', createdAt: Date.now() - HOUR });
    const unknown = readStore.createGeneration(counters);
    readStore.db.prepare('UPDATE generations SET host = NULL, pid = NULL, started = NULL, created_at = NULL WHERE generation = ?').run(unknown);
    expect(tables()).toHaveLength(2);

    readStore.dropOrphans();

    expect(tables()).not.toContain(earlier);
    expect(tables()).toEqual([]);
  });

  it('keeps one being built on another host for a day, and drops it after', () => {
    const recent = builtBy({ host: `${hostname()}-other`, pid: 1, started: '1', createdAt: Date.now() - HOUR });
    const stale = builtBy({ host: `${hostname()}-other`, pid: 1, started: '1', createdAt: Date.now() - FOREIGN_BUILD_AT_MOST_MS - HOUR });

    readStore.dropOrphans();

    expect(tables()).toEqual([recent]);
    expect(tables()).not.toContain(stale);
  });

  it('gives a read store written before builders were kept the columns, and drops its unreferenced generations as before', () => {
    const file = join(dir, 'older.sqlite');
    const older = new Database(file);
    older.exec(`
      CREATE TABLE projections (name TEXT PRIMARY KEY, version INTEGER NOT NULL, generation INTEGER NOT NULL, position INTEGER NOT NULL);
      CREATE TABLE generations (generation INTEGER PRIMARY KEY);
      INSERT INTO generations (generation) VALUES (1), (2);
      CREATE TABLE rm_counters_g1 (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL);
      CREATE TABLE rm_counters_g2 (id TEXT PRIMARY KEY NOT NULL, doc TEXT NOT NULL);
      INSERT INTO projections VALUES ('counters', 1, 1, 5);
    `);
    older.close();

    const reopened = new SqliteReadStore(file);
    try {
      reopened.dropOrphans();
      const left = reopened.db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm\\_%' ESCAPE '\\'").all();
      expect(left.map((row) => row.name)).toEqual(['rm_counters_g1']);
      expect(reopened.status('counters')).toMatchObject({ generation: 1, position: 5, checkpointEvent: null });
      const third = reopened.createGeneration(counters);
      expect(reopened.db.prepare('SELECT pid, host FROM generations WHERE generation = ?').get(third)).toEqual({ pid: process.pid, host: hostname() });
    } finally {
      reopened.close();
    }
  });
});
