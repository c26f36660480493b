import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
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
    before = await inspected(t);
    await t.app.close();
  });
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
    expect((await cli('verify', '--data-dir', destination)).code).toBe(0);

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
  });

  it('says so when the destination holds every event already', async () => {
    expect((await cli('copy', '--to', destination, '--data-dir', source)).code).toBe(0);
    const again = await cli('copy', '--to', destination, '--data-dir', source);
    expect(again.code).toBe(0);
    expect(again.out).toContain(`nothing to copy: ${destination} held every event already`);
  });

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
  });
});
