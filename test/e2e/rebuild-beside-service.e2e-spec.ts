import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CatalogEntry, procedureCatalogProjection } from '../../projections/procedure-catalog.projection';
import { READ_STORE_FILE_NAME } from '../../src/config/open-read-store';
import { SqliteReadStore } from '../../src/core/projection/read-store';
import { catalogueByDefinition } from '../support/catalogue-by-definition';
import { anEvent } from '../support/event-factory';
import { cut, decision, decisionRef, newItem, opening } from '../support/fixtures';
import { startTestApp, TestApp } from '../support/test-app';

const ROOT = join(__dirname, '..', '..');

/** `ledger` in a process of its own, beside the service, its TypeScript compiled on load (see swc-register.js). */
function ledgerProcess(args: readonly string[], swcCache: string): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--require', join(ROOT, 'test/support/swc-register.js'), join(ROOT, 'src/cli.ts'), ...args], {
    cwd: ROOT,
    env: { ...process.env, LEDGER_SWC_CACHE: swcCache },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let [out, err] = ['', ''];
  child.stdout.on('data', (chunk: Buffer) => void (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => void (err += chunk.toString()));
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, out, err })));
}

/**
 * Records while `during` runs, as a reform office would: each round a new procedure announced by a decision, in effect
 * before or after the snapshots' dates, and a cut of one opened before. Returns how many events `during` saw recorded.
 */
async function recordingWhile(t: TestApp, during: () => Promise<void>, rounds: { next: number }): Promise<number> {
  let done = false;
  const before = (await t.store.stats()).eventCount;
  const recording = (async () => {
    for (; !done; rounds.next++) {
      const i = rounds.next;
      const effective = i % 2 === 0 ? '2022-08-01' : '2023-03-01';
      const announced = await t.request('POST', '/decisions', decision([newItem(`2.${i}`)], { decision: decisionRef(`${100 + i}/QĐ-UBND`, effective) }));
      if (announced.status !== 201) throw new Error(`decision ${i}: ${announced.status} ${JSON.stringify(announced.body)}`);
      if (i < 40) {
        const cutDone = await t.request('POST', `/procedures/1.${i}/cuts`, cut(15, 10, { effectiveDate: '2022-09-01' }));
        if (cutDone.status !== 201) throw new Error(`cut ${i}: ${cutDone.status} ${JSON.stringify(cutDone.body)}`);
      }
    }
  })();
  try {
    await during();
  } finally {
    done = true;
    await recording;
  }
  return (await t.store.stats()).eventCount - before;
}

describe('ledger rebuild beside a running service', () => {
  let dataDir: string;
  let swcCache: string;
  let t: TestApp;
  let readStore: SqliteReadStore;
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-beside-'));
    swcCache = mkdtempSync(join(tmpdir(), 'ledger-beside-swc-'));
    t = await startTestApp('sqlite', { LEDGER_DATA_DIR: dataDir, LEDGER_WRITES_PER_MINUTE: '1000000' });
    readStore = new SqliteReadStore(join(dataDir, READ_STORE_FILE_NAME));
  });
  afterEach(async () => {
    readStore.close();
    await t.app.close();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(swcCache, { recursive: true, force: true });
  });

  /** The snapshot's documents, and the catalogue by definition over the log up to the position it names. */
  async function snapshotAgainstDefinition(label: string, asOf: string) {
    const snapshot = readStore.snapshot(label)!;
    const documents = [...readStore.documents<CatalogEntry>(procedureCatalogProjection, snapshot.generation)];
    const upToIt = (await t.store.readAll()).filter((event) => event.position <= snapshot.position);
    return {
      snapshot: documents.map(({ revision, ...procedure }) => [procedure.code, { procedure, revision }]).sort(([a], [b]) => (a < b ? -1 : 1)),
      definition: catalogueByDefinition(upToIt, { asOf }),
    };
  }

  // A CLI process of its own, its TypeScript compiled on load: seconds on a machine busy with other suites.
  it('writes snapshots, folded or replayed, that hold exactly the log up to the position each names, while decisions and cuts are recorded', async () => {
    expect((await t.request('POST', '/catalogue/opening-entries', opening(Array.from({ length: 40 }, (_, i) => `1.${i}`)))).status).toBe(201);
    const rounds = { next: 0 };

    let folded = { code: null as number | null, out: '', err: '' };
    const duringFold = await recordingWhile(t, async () => void (folded = await ledgerProcess(['rebuild', 'procedure-catalog', '--as-of', '2022-12-31', '--data-dir', dataDir], swcCache)), rounds);
    expect({ code: folded.code, err: folded.err }).toEqual({ code: 0, err: '' });
    expect(folded.out).toMatch(/^snapshot procedure-catalog@asOf=2022-12-31 folded on procedure-catalog \(live\) with \d+ audit-trail entries, up to position \d+/m);
    expect(duringFold).toBeGreaterThan(0);
    const afterFold = await snapshotAgainstDefinition('procedure-catalog@asOf=2022-12-31', '2022-12-31');
    expect(afterFold.snapshot).toEqual(afterFold.definition);

    let replayed = { code: null as number | null, out: '', err: '' };
    const duringReplay = await recordingWhile(t, async () => void (replayed = await ledgerProcess(['rebuild', 'procedure-catalog', '--as-of', '2022-09-30', '--from-log', '--data-dir', dataDir], swcCache)), rounds);
    expect(replayed.code).toBe(0);
    expect(replayed.out).toContain('snapshot asOf=2022-09-30 written beside the live read models');
    expect(duringReplay).toBeGreaterThan(0);
    const afterReplay = await snapshotAgainstDefinition('procedure-catalog@asOf=2022-09-30', '2022-09-30');
    expect(afterReplay.snapshot).toEqual(afterReplay.definition);
  }, 60_000);

  it('is left to build when a service starts meanwhile: the generations it writes are not dropped as left behind', async () => {
    for (let batch = 0; batch < 30; batch++) {
      const events = Array.from({ length: 1000 }, (_, i) => anEvent(batch * 1000 + i));
      await t.store.appendToStream({ streamId: `notes-${batch}`, events, expectedRevision: 'no_stream' });
    }
    const rebuilding = ledgerProcess(['rebuild', 'audit-trail', '--data-dir', dataDir], swcCache);
    let finished = false;
    void rebuilding.finally(() => (finished = true));

    // What a service does as it starts (ProjectionRunner.start), at moments when the rebuild's generation is being
    // written: under the write lock, so that the rebuild cannot swap it in between the look and the drop.
    const unreferenced = () =>
      readStore.db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm\\_audit\\_trail\\_g%' ESCAPE '\\' AND name NOT IN " +
            "(SELECT 'rm_audit_trail_g' || generation FROM projections UNION SELECT 'rm_audit_trail_g' || generation FROM snapshots)",
        )
        .all()
        .map((row) => row.name);
    const kept: string[][] = [];
    while (!finished) {
      readStore.db
        .transaction(() => {
          const building = unreferenced();
          if (building.length === 0) return;
          readStore.dropOrphans();
          kept.push(building.filter((name) => unreferenced().includes(name)));
          expect(kept.at(-1)).toEqual(building);
        })
        .immediate();
      await new Promise((resolve) => setTimeout(resolve, 5));
    }

    const rebuilt = await rebuilding;
    expect({ code: rebuilt.code, out: rebuilt.out }).toEqual({ code: 0, out: expect.stringContaining('the live read models now are the rebuilt ones') });
    expect(rebuilt.err).not.toMatch(/error|no such table/i);
    expect(kept.length).toBeGreaterThan(0);
    const live = readStore.status('audit-trail')!;
    expect(kept[0]).toEqual([`rm_audit_trail_g${live.generation}`]);
    expect(readStore.documentCount('audit-trail', live.generation)).toBe(live.position);
  }, 60_000);
});
