import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { READ_STORE_FILE_NAME } from '../../src/config/open-read-store';
import { decision, decisionRef, newItem } from '../support/fixtures';
import { REGISTRY } from '../support/organisation-fixtures';
import { recordSampleLedger } from '../support/sample-ledger';
import { startTestApp, TestApp } from '../support/test-app';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** What an inspector reads of a ledger: the catalogue, a procedure's history, and the whole audit trail. */
async function inspected(t: TestApp) {
  const get = async (url: string) => {
    const response = await t.request('GET', url);
    if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}: ${JSON.stringify(response.body)}`);
    return response.body;
  };
  const audit = await get('/audit?limit=1000');
  return {
    catalogue: await get('/procedures?limit=1000'),
    history: await get('/procedures/1.000047/history'),
    // Positions are the destination's own; everything else an entry says is kept.
    audit: (audit.items as Array<Record<string, unknown>>).map(({ position: _position, ...entry }) => entry),
  };
}

describe('ledger copy', () => {
  let source: string;
  let destination: string;
  let before: Awaited<ReturnType<typeof inspected>>;
  beforeEach(async () => {
    source = mkdtempSync(join(tmpdir(), 'ledger-copy-source-'));
    destination = join(mkdtempSync(join(tmpdir(), 'ledger-copy-destination-')), 'data');
    const t = await startTestApp('sqlite', { LEDGER_DATA_DIR: source });
    await recordSampleLedger(t);
    // An inspector's digest of the log, recorded in it: the copy holds it, and checks it where it can.
    expect((await t.request('POST', '/ledger/digests', undefined, { Authorization: `Bearer ${t.keyFor('thanh-tra-tinh', 'inspector')}` })).status).toBe(201);
    before = await inspected(t);
    await t.app.close();
  }, 60_000);
  afterEach(() => {
    rmSync(source, { recursive: true, force: true });
    rmSync(join(destination, '..'), { recursive: true, force: true });
  });

  it('gives a ledger that verifies and reads as the source did, recorded times and decisions included, and goes on recording', async () => {
    const copied = await cli('copy', '--to', destination, '--data-dir', source);

    expect({ code: copied.code, err: copied.err.split('\n').filter((line) => line && !line.startsWith('copy: ')) }).toEqual({ code: 0, err: [] });
    expect(copied.out).toMatch(new RegExp(`^copied (\\d+) events into ${destination.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    expect(copied.out).toMatch(/^both hold the same (\d+) events in the same order, read back and compared; content SHA-256 [0-9a-f]{64}$/m);
    expect(copied.out).toContain(`API keys are not copied: they stay in ${join(source, 'access.sqlite')}`);
    expect(await cli('verify', '--data-dir', destination)).toMatchObject({ code: 0, out: expect.stringMatching(/^ledger verifies: \d+ events chained, 1 recorded digests match$/) });
    // What an inspector holding both can compare, whatever their backends: the content digest the copy printed.
    const content = JSON.parse((await cli('digest', '--content', '--data-dir', destination)).out);
    expect(content).toEqual(JSON.parse((await cli('digest', '--content', '--data-dir', source)).out));
    expect(copied.out).toContain(`content SHA-256 ${content.content}`);
    const firstThree = JSON.parse((await cli('digest', '--content', '--size', '3', '--data-dir', source)).out);
    expect(firstThree.size).toBe(3);
    expect(firstThree.content).not.toBe(content.content);

    const t = await startTestApp('sqlite', { LEDGER_DATA_DIR: destination });
    try {
      const after = await inspected(t);
      expect(after).toEqual(before);
      expect(before.audit.length).toBeGreaterThan(10);
      const next = await t.request('POST', '/decisions', decision([newItem('1.000048')], { decision: decisionRef('77/QĐ-UBND', '2025-06-01') }));
      expect(next.status).toBe(201);
    } finally {
      await t.app.close();
    }

    // The copy has gone on: it is no longer the source's to take up.
    const again = await cli('copy', '--to', destination, '--data-dir', source);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/^ledger: nothing copied: the destination holds more events than the source's \d+/);
  }, 60_000);

  it('says so when the destination holds every event already', async () => {
    expect((await cli('copy', '--to', destination, '--data-dir', source)).code).toBe(0);
    const again = await cli('copy', '--to', destination, '--data-dir', source);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`nothing to copy: ${destination} held every event already`);
  }, 60_000);

  it('refuses the source itself, no destination, and a ledger of other events, writing nothing', async () => {
    const itself = await cli('copy', '--to', source, '--data-dir', source);
    expect(itself).toMatchObject({ code: 1, err: `ledger: --to ${source} is the ledger being copied: name another server or folder` });
    expect((await cli('copy', '--to', ' ', '--data-dir', source)).err).toBe('ledger: --to names no destination: give esdb://… or a folder');
    expect((await cli('copy', '--data-dir', source)).err).toContain("required option '--to <destination>' not specified");

    const other = await startTestApp('sqlite', { LEDGER_DATA_DIR: destination });
    await other.request('POST', '/units', REGISTRY[0]);
    const held = (await other.store.stats()).eventCount;
    await other.app.close();
    const refused = await cli('copy', '--to', destination, '--data-dir', source);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/^ledger: nothing copied: the destination's event 1 \(.+\) is not the source's \(.+\): id differs/);
    const stats = await cli('stats', '--data-dir', destination, '--json');
    expect(JSON.parse(stats.out).eventCount).toBe(held);
  }, 60_000);

  it('makes backups from which a ledger is restored: read models and snapshots of the later log are not taken for its own', async () => {
    expect((await cli('copy', '--to', destination, '--data-dir', source)).code).toBe(0);
    // The ledger goes on after the backup, and a snapshot of the catalogue is written at its new head.
    const later = await startTestApp('sqlite', { LEDGER_DATA_DIR: source });
    expect((await later.request('POST', '/decisions', decision([newItem('1.000049')], { decision: decisionRef('78/QĐ-UBND', '2025-07-01') }))).status).toBe(201);
    expect((await later.request('GET', '/procedures/1.000049')).status).toBe(200);
    await later.app.close();
    // Replayed from the whole log, so that it stands beyond the backup's last event.
    expect((await cli('rebuild', 'procedure-catalog', '--as-of', '2026-12-31', '--from-log', '--data-dir', source)).code).toBe(0);

    // Restored: the backup's log beside the read models of the later one.
    copyFileSync(join(source, READ_STORE_FILE_NAME), join(destination, READ_STORE_FILE_NAME));
    const fresh = join(destination, '..', 'fresh');
    expect((await cli('copy', '--to', fresh, '--data-dir', destination)).code).toBe(0);
    const restored = await startTestApp('sqlite', { LEDGER_DATA_DIR: destination });
    const fromScratch = await startTestApp('sqlite', { LEDGER_DATA_DIR: fresh });
    try {
      const asOf = '/procedures?asOf=2026-12-31&limit=1000';
      const answered = (await restored.request('GET', asOf)).body;
      expect(answered).toEqual((await fromScratch.request('GET', asOf)).body);
      expect(answered.items.map((p: { code: string }) => p.code)).not.toContain('1.000049');
      expect((await restored.request('GET', '/procedures/1.000049')).status).toBe(404);
    } finally {
      await restored.app.close();
      await fromScratch.app.close();
    }
    expect((await cli('snapshots', 'list', '--data-dir', destination)).out).not.toContain('asOf=2026-12-31');

    // Restored again, and rebuilt before any service starts: the rebuild drops the snapshot, and says why.
    copyFileSync(join(source, READ_STORE_FILE_NAME), join(destination, READ_STORE_FILE_NAME));
    const rebuilt = await cli('rebuild', 'unit-histories', '--data-dir', destination);
    expect(rebuilt.code).toBe(0);
    expect(rebuilt.out).toMatch(/^dropped snapshot procedure-catalog@asOf=2026-12-31, not folded from this log: its checkpoint, position \d+, is not an event of this log$/m);
    expect((await cli('snapshots', 'list', '--data-dir', destination)).out).not.toContain('asOf=2026-12-31');
  }, 60_000);
});
