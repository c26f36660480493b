import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { decision, newItem } from '../support/fixtures';
import { startTestApp } from '../support/test-app';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
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
    const result = await cli('stats', '--data-dir', missing);
    expect(result.code).toBe(1);
    expect(result.err).toContain(`no ledger at ${missing}`);
    expect(require('node:fs').existsSync(missing)).toBe(false);
  });

  it('exits non-zero on an unknown command', async () => {
    const result = await cli('rebuild-everything');
    expect(result.code).not.toBe(0);
    expect(result.err).toContain("unknown command 'rebuild-everything'");
  });
});
