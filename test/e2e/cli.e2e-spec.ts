import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_PROJECTIONS } from '../../projections';
import { CatalogEntry, procedureCatalogProjection } from '../../projections/procedure-catalog.projection';
import { runCli } from '../../src/cli/run-cli';
import { SQLITE_FILE_NAME } from '../../src/config/ledger-config';
import { READ_STORE_FILE_NAME } from '../../src/config/open-read-store';
import { SqliteEventStore } from '../../src/core/event-store/sqlite-event-store';
import { SqliteReadStore } from '../../src/core/projection/read-store';
import { decision, newItem } from '../support/fixtures';
import { recordSampleLedger } from '../support/sample-ledger';
import { startTestApp } from '../support/test-app';

/** Runs the CLI in-process; as if stderr were a terminal when given one (the progress bar draws there). */
async function cli(...argv: string[]) {
  return run({ isTerminal: false }, argv);
}

async function cliOnTerminal(...argv: string[]) {
  const drawn: string[] = [];
  const terminal = { isTTY: true, columns: 120, write: (chunk: unknown) => (drawn.push(String(chunk)), true) } as unknown as NodeJS.WritableStream;
  return { ...(await run({ isTerminal: true, terminal }, argv)), terminal: drawn.join('') };
}

async function run(io: { isTerminal: boolean; terminal?: NodeJS.WritableStream }, argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line), ...io });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('the ledger CLI', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'ledger-cli-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('prints event count, streams and last position of a ledger written by the service', async () => {
    const t = await startTestApp('sqlite', { LEDGER_DATA_DIR: dataDir });
    await t.request('POST', '/decisions', decision([newItem('1.000046'), newItem('1.000047')]));
    await t.app.close();

    const text = await cli('stats', '--data-dir', dataDir);
    expect(text.code).toBe(0);
    expect(text.out).toMatch(/events\s+3\nstreams\s+3\nlast position\s+3/);
    const json = await cli('stats', '--data-dir', dataDir, '--json');
    expect(JSON.parse(json.out)).toEqual({ eventCount: 3, streamCount: 3, lastPosition: 3 });
  });

  it('exits non-zero with a message when there is no ledger, without creating one', async () => {
    const missing = join(dataDir, 'nowhere');
    for (const command of ['stats', 'rebuild']) {
      const result = await cli(command, '--data-dir', missing);
      expect(result.code).toBe(1);
      expect(result.err).toContain(`no ledger at ${missing}`);
      expect(existsSync(missing)).toBe(false);
    }
  });

  it('exits non-zero on an unknown command', async () => {
    const result = await cli('rebuild-everything');
    expect(result.code).not.toBe(0);
    expect(result.err).toContain("unknown command 'rebuild-everything'");
  });
});

describe('ledger rebuild', () => {
  let dataDir: string;
  let events: number;
  const readStores: SqliteReadStore[] = [];
  const openReadStore = () => {
    const readStore = new SqliteReadStore(join(dataDir, READ_STORE_FILE_NAME));
    readStores.push(readStore);
    return readStore;
  };
  /** Every live read model: its generation and its documents. */
  const liveReadModels = () => {
    const readStore = openReadStore();
    return Object.fromEntries(
      ALL_PROJECTIONS.map((projection) => {
        const { generation } = readStore.status(projection.name)!;
        return [projection.name, { generation, documents: [...readStore.documents(projection, generation)] }];
      }),
    );
  };
  const tables = () =>
    openReadStore()
      .db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type IN ('table', 'index') ORDER BY name")
      .all()
      .map((row) => row.name);

  /** A ledger as the service writes it (see recordSampleLedger). */
  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'ledger-rebuild-'));
    const t = await startTestApp('sqlite', { LEDGER_DATA_DIR: dataDir });
    await recordSampleLedger(t);
    // The live read models have folded everything before the service stops.
    expect((await t.request('GET', '/procedures')).status).toBe(200);
    events = (await t.store.stats()).eventCount;
    await t.app.close();
  });
  afterEach(() => {
    readStores.splice(0).forEach((r) => r.close());
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('replays every projection into the same read models, swaps them in, and reports the rate', async () => {
    const before = liveReadModels();
    const result = await cli('rebuild', '--data-dir', dataDir);

    expect(result.code).toBe(0);
    expect(result.err).toContain(`rebuild: ${events}/${events} events (100%), `);
    expect(result.err).toMatch(/events\/s$/m);
    expect(result.out).toMatch(
      new RegExp(`^rebuild: 5 projections \\(${ALL_PROJECTIONS.map((p) => p.name).join(', ')}\\), ${events} events in \\d+\\.\\d\\d s, \\d+ events/s$`, 'm'),
    );
    const after = liveReadModels();
    for (const projection of ALL_PROJECTIONS) {
      expect(after[projection.name].generation).not.toBe(before[projection.name].generation);
      expect(after[projection.name].documents).toEqual(before[projection.name].documents);
      expect(after[projection.name].documents.length).toBeGreaterThan(0);
    }
  });

  it('drops the tables a rebuild that died left behind, and leaves those of one still running', async () => {
    const readStore = openReadStore();
    const unitHistories = ALL_PROJECTIONS.find((projection) => projection.name === 'unit-histories')!;
    // A process that has exited stands for the rebuild that died; the one still running is this process.
    const gone = spawnSync(process.execPath, ['-e', '']).pid!;
    const generation = readStore.createGeneration(unitHistories);
    readStore.db.prepare('UPDATE generations SET pid = ?, started = NULL WHERE generation = ?').run(gone, generation);
    const died = `rm_unit_histories_g${generation}`;
    const running = readStore.createGeneration(unitHistories);

    const result = await cli('rebuild', 'unit-histories', '--data-dir', dataDir);

    expect(result.code).toBe(0);
    expect(result.out).toContain('dropped 1 read-model table(s) left by a rebuild that stopped before its swap');
    expect(tables()).not.toContain(died);
    expect(tables()).toContain(`rm_unit_histories_g${running}`);
    const again = await cli('rebuild', 'unit-histories', '--data-dir', dataDir);
    expect(again.out).not.toContain('dropped');
  });

  it.each([['1'], ['2'], ['3']])('builds the same read models with %s worker thread(s)', async (workers) => {
    const before = liveReadModels();
    const result = await cli('rebuild', '--workers', workers, '--data-dir', dataDir);

    expect({ code: result.code, err: result.err.split('\n').filter((line) => line && !line.startsWith('rebuild: ')) }).toEqual({ code: 0, err: [] });
    expect(result.out).toContain(`rebuild: 5 projections (${ALL_PROJECTIONS.map((p) => p.name).join(', ')}), ${events} events in `);
    const after = liveReadModels();
    for (const projection of ALL_PROJECTIONS) {
      expect(after[projection.name].generation).not.toBe(before[projection.name].generation);
      expect(after[projection.name].documents).toEqual(before[projection.name].documents);
    }
  });

  it('rebuilds only the projections named, and draws a bar instead of lines on a terminal', async () => {
    const before = liveReadModels();
    const result = await cliOnTerminal('rebuild', 'procedure-catalog', 'audit-trail', '--data-dir', dataDir);

    // The error output with the code, so that a failure says why.
    expect({ code: result.code, err: result.err }).toEqual({ code: 0, err: '' });
    expect(result.terminal).toContain(`| ${events}/${events} events | `);
    expect(result.terminal).toMatch(/\d+ events\/s/);
    expect(result.out).toContain(`rebuild: 2 projections (procedure-catalog, audit-trail), ${events} events in `);
    const after = liveReadModels();
    for (const projection of ALL_PROJECTIONS) {
      const rebuilt = ['procedure-catalog', 'audit-trail'].includes(projection.name);
      expect(after[projection.name].generation === before[projection.name].generation).toBe(!rebuilt);
      expect(after[projection.name].documents).toEqual(before[projection.name].documents);
    }
  });

  it('writes an "as of" snapshot beside the live read model, which it leaves untouched', async () => {
    const before = liveReadModels();
    const result = await cli('rebuild', 'procedure-catalog', '--as-of', '2022-06-15', '--from-log', '--data-dir', dataDir);

    expect(result.code).toBe(0);
    expect(result.out).toContain('snapshot asOf=2022-06-15 written beside the live read models, which are unchanged: procedure-catalog@asOf=2022-06-15');
    expect(liveReadModels()).toEqual(before);
    const readStore = openReadStore();
    const snapshot = readStore.snapshot('procedure-catalog@asOf=2022-06-15')!;
    const entries = [...readStore.documents<CatalogEntry>(procedureCatalogProjection, snapshot.generation)];
    // The decision took effect on 2022-06-01, the cut on 2022-07-01: the snapshot has the first and not the second.
    expect(entries.find((e) => e.code === '1.000047')?.attributes.announcedDays).toBe(12);
    expect(before['procedure-catalog'].documents.find((e) => (e as CatalogEntry).code === '1.000047')).toMatchObject({ attributes: { announcedDays: 9 } });
    // Nor the merger of 2025, which moved the procedures of the merged units to the new one.
    expect(entries.map((e) => e.attributes.agency)).not.toContain('Sở Nông nghiệp và Môi trường');
  });

  it("folds the catalogue's snapshot on the live catalogue or an earlier snapshot, as replaying the log would give it, unless asked to replay the log", async () => {
    const snapshotDocuments = (label: string) => {
      const readStore = openReadStore();
      return [...readStore.documents<CatalogEntry>(procedureCatalogProjection, readStore.snapshot(label)!.generation)];
    };
    const folded = (out: string, label: string, from: string) =>
      out.match(new RegExp(`^snapshot ${label} folded on ${from} with (\\d+) audit-trail entries, up to position ${events}, in \\d+\\.\\d\\d s: (\\d+) documents, beside the live read models, which are unchanged$`, 'm'));

    const before = liveReadModels();
    // The live catalogue, with the procedures changed after 2022-06-15 folded again as of that date.
    const onLive = await cli('rebuild', '--as-of', '2022-06-15', '--data-dir', dataDir);
    expect(onLive.code).toBe(0);
    const [, , documents] = folded(onLive.out, 'procedure-catalog@asOf=2022-06-15', 'procedure-catalog \\(live\\)')!;
    // The other read models are replayed from the log.
    expect(onLive.out).toContain('rebuild: 4 projections (audit-trail, processing-time-cuts, unit-histories, reorganisation-records)');
    expect(liveReadModels()).toEqual(before);
    const foldedDocuments = snapshotDocuments('procedure-catalog@asOf=2022-06-15');
    expect(foldedDocuments).toHaveLength(Number(documents));
    // The decision of 2022-06-01 is in it, the cut of 2022-07-01 and the merger of 2025-03-01 not.
    expect(foldedDocuments.find((e) => e.code === '1.000047')?.attributes.announcedDays).toBe(12);
    expect(foldedDocuments.map((e) => e.attributes.agency)).not.toContain('Sở Nông nghiệp và Môi trường');

    const replayed = await cli('rebuild', 'procedure-catalog', '--as-of', '2022-06-15', '--from-log', '--data-dir', dataDir);
    expect(replayed.out).toMatch(new RegExp(`^rebuild: 1 projection \\(procedure-catalog\\), ${events} events in `));
    expect(replayed.out).not.toContain('folded on');
    expect(snapshotDocuments('procedure-catalog@asOf=2022-06-15')).toEqual(foldedDocuments);

    // Written again for the same date: on the snapshot of that date, with nothing recorded since to fold on it.
    const again = await cli('rebuild', 'procedure-catalog', '--as-of', '2022-06-15', '--data-dir', dataDir);
    expect(folded(again.out, 'procedure-catalog@asOf=2022-06-15', 'procedure-catalog@asOf=2022-06-15')?.[1]).toBe('0');
    expect(snapshotDocuments('procedure-catalog@asOf=2022-06-15')).toEqual(foldedDocuments);
  });

  it('writes a "known at" snapshot, a plain date meaning the end of that day', async () => {
    const result = await cli('rebuild', 'procedure-catalog', '--known-at', '2000-01-01', '--data-dir', dataDir);

    expect(result.code).toBe(0);
    const label = 'procedure-catalog@knownAt=2000-01-01T23:59:59.999Z';
    expect(result.out).toContain(label);
    const readStore = openReadStore();
    expect([...readStore.documents(procedureCatalogProjection, readStore.snapshot(label)!.generation)]).toEqual([]);
  });

  it('lists the snapshots, what reads each, and drops them by label, every label checked before any is dropped', async () => {
    expect((await cli('snapshots', 'list', '--data-dir', dataDir)).out).toBe('no snapshots; ledger rebuild procedure-catalog --as-of DATE writes one');
    expect((await cli('rebuild', 'procedure-catalog', 'unit-histories', '--as-of', '2022-06-15', '--data-dir', dataDir)).code).toBe(0);
    expect((await cli('rebuild', 'procedure-catalog', '--as-of', '2024-12-31', '--data-dir', dataDir)).code).toBe(0);
    // A snapshot folded by an earlier version of its projection, which nothing reads any more, written before snapshots
    // named the event at their position.
    openReadStore().db.prepare("UPDATE snapshots SET version = version - 1, checkpoint_event = NULL WHERE label = 'unit-histories@asOf=2022-06-15'").run();

    const listed = await cli('snapshots', 'list', '--data-dir', dataDir, '--json');
    expect(listed.code).toBe(0);
    const log = new SqliteEventStore({ file: join(dataDir, SQLITE_FILE_NAME) });
    const checkpointEvent = (await log.readAll({ fromPosition: events })).at(-1)!.id;
    await log.close();
    const catalogue = (label: string) => openReadStore().documents(procedureCatalogProjection, openReadStore().snapshot(label)!.generation);
    expect(JSON.parse(listed.out)).toEqual([
      { label: 'procedure-catalog@asOf=2022-06-15', projection: 'procedure-catalog', asOf: '2022-06-15', knownAt: null, position: events, checkpointEvent, documents: [...catalogue('procedure-catalog@asOf=2022-06-15')].length, use: 'reads' },
      { label: 'procedure-catalog@asOf=2024-12-31', projection: 'procedure-catalog', asOf: '2024-12-31', knownAt: null, position: events, checkpointEvent, documents: [...catalogue('procedure-catalog@asOf=2024-12-31')].length, use: 'reads' },
      { label: 'unit-histories@asOf=2022-06-15', projection: 'unit-histories', asOf: '2022-06-15', knownAt: null, position: events, checkpointEvent: null, documents: expect.any(Number), use: 'stale' },
    ]);
    const text = (await cli('snapshots', 'list', '--data-dir', dataDir)).out;
    expect(text).toContain(
      `procedure-catalog@asOf=2024-12-31  as of 2024-12-31; built at position ${events} (event ${checkpointEvent}); ${[...catalogue('procedure-catalog@asOf=2024-12-31')].length} documents; serves the reads, and the snapshots folded on it, as of its date and later`,
    );
    expect(text).toContain(`unit-histories@asOf=2022-06-15  as of 2022-06-15; built at position ${events} (its event not named: written before snapshots named it); `);

    const before = liveReadModels();
    const mistyped = await cli('snapshots', 'drop', 'unit-histories@asOf=2022-06-15', 'procedure-catalog@asOf=2023', '--data-dir', dataDir);
    expect(mistyped).toMatchObject({ code: 1, err: 'ledger: no snapshot "procedure-catalog@asOf=2023"; ledger snapshots list shows them' });
    expect(openReadStore().snapshots()).toHaveLength(3);

    const dropped = await cli('snapshots', 'drop', 'unit-histories@asOf=2022-06-15', 'procedure-catalog@asOf=2022-06-15', '--data-dir', dataDir);
    expect(dropped).toMatchObject({ code: 0, out: 'dropped snapshot unit-histories@asOf=2022-06-15\ndropped snapshot procedure-catalog@asOf=2022-06-15' });
    expect(openReadStore().snapshots().map((s) => s.label)).toEqual(['procedure-catalog@asOf=2024-12-31']);
    // Their tables are gone with them; the live read models are untouched.
    const tables = openReadStore().db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name LIKE 'rm\\_%' ESCAPE '\\'").get() as { n: number };
    expect(tables.n).toBe(ALL_PROJECTIONS.length + 1);
    expect(liveReadModels()).toEqual(before);
  });

  it.each([
    [['nope'], 'unknown projection "nope"; valid names: procedure-catalog, audit-trail, processing-time-cuts, unit-histories, reorganisation-records'],
    [['procedure-catalog', 'nope', 'nada'], 'unknown projections "nope", "nada"; valid names: procedure-catalog,'],
    [['--as-of', '2022-02-30'], '--as-of must be a calendar date written YYYY-MM-DD, got "2022-02-30"'],
    [['--as-of', '2022-13-01'], '--as-of must be a calendar date written YYYY-MM-DD, got "2022-13-01"'],
    [['--as-of', 'yesterday'], '--as-of must be a calendar date written YYYY-MM-DD, got "yesterday"'],
    [['--known-at', '2022-02-30'], '--known-at must be an ISO timestamp with a time zone (2022-12-31T17:00:00Z) or a date YYYY-MM-DD (meaning its end, UTC), got "2022-02-30"'],
    [['--known-at', '2022-06-01T12:00:00'], '--known-at must be an ISO timestamp with a time zone (2022-12-31T17:00:00Z) or a date'],
    [['--workers', '0'], '--workers must be a whole number from 1 to 32, got "0"'],
    [['--workers', 'two'], '--workers must be a whole number from 1 to 32, got "two"'],
    [['--known-at', 'noon'], '--known-at must be an ISO timestamp with a time zone (2022-12-31T17:00:00Z) or a date YYYY-MM-DD (meaning its end, UTC), got "noon"'],
  ])('refuses %j with a message, writing nothing', async (args, message) => {
    const before = { models: liveReadModels(), tables: tables() };
    const result = await cli('rebuild', ...args, '--data-dir', dataDir);

    expect(result.code).toBe(1);
    expect(result.err).toMatch(/^ledger: --|^ledger: unknown projection/);
    expect(result.err).toContain(message);
    expect(result.out).toBe('');
    expect({ models: liveReadModels(), tables: tables() }).toEqual(before);
  });
});
