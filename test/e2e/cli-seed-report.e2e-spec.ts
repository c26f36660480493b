import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CommandBus } from '@nestjs/cqrs';
import { runCli } from '../../src/cli/run-cli';
import { ConfigError, loadConfig } from '../../src/config/ledger-config';
import { planSyntheticHistory } from '../../src/synthetic/synthetic-plan';
import { runSynthetic } from '../../src/synthetic/run-synthetic';
import { reportText } from '../support/seeded-app';
import { startTestApp } from '../support/test-app';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (line) => out.push(line), err: (line) => err.push(line) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const SEEDED_EVENTS = 47;

describe('ledger seed, ledger report and seeding on start', () => {
  let dataDir: string;
  beforeEach(() => (dataDir = mkdtempSync(join(tmpdir(), 'ledger-seed-'))));
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('seeds the published facts once: loading again records nothing', async () => {
    const first = await cli('seed', '--data-dir', dataDir);
    expect(first).toMatchObject({ code: 0, out: `seeded ${SEEDED_EVENTS} published facts: ${SEEDED_EVENTS} recorded, 0 already in the ledger` });
    const again = await cli('seed', '--data-dir', dataDir, '--json');
    expect(JSON.parse(again.out)).toEqual({ facts: SEEDED_EVENTS, recorded: 0, replayed: SEEDED_EVENTS });
    expect(JSON.parse((await cli('stats', '--data-dir', dataDir, '--json')).out).eventCount).toBe(SEEDED_EVENTS);
  });

  it('prints the report the service serves, byte for byte, to standard output or a file', async () => {
    await cli('seed', '--data-dir', dataDir);
    const printed = await cli('report', '--year', '2022', '--format', 'md', '--data-dir', dataDir);
    expect(printed.code).toBe(0);
    const file = join(dataDir, 'bao-cao-2022.html');
    expect((await cli('report', '--year', '2022', '--format', 'html', '--out', file, '--data-dir', dataDir)).code).toBe(0);
    const t = await startTestApp('sqlite', { LEDGER_DATA_DIR: dataDir });
    try {
      expect(`${printed.out}\n`).toBe(await reportText(t, 2022, 'md'));
      expect(readFileSync(file, 'utf8')).toBe(await reportText(t, 2022, 'html'));
    } finally {
      await t.app.close();
    }
  });

  it.each([
    [['report'], "required option '--year <year>' not specified"],
    [['report', '--year', '22'], '--year must be a whole number from 1990 to 2100, got "22"'],
    [['report', '--year', '2022', '--format', 'pdf'], '--format must be one of json, md, html, csv, got "pdf"'],
    [['report', '--year', '2022', '--data-dir', '/nowhere/at/all'], 'no ledger at /nowhere/at/all/ledger.sqlite'],
    [['generate', '--seed', '1', '--match', 'bp-2023', '--procedures', '100'], '--match bp-2023 needs --procedures 1784'],
    [['generate', '--seed', '1', '--match', 'hanoi'], '--match must be one of bp-2023, got "hanoi"'],
    [['generate', '--procedures', '10'], "required option '--seed <s>' not specified"],
  ])('exits non-zero with a message for %j', async (argv, message) => {
    const result = await cli(...argv);
    expect(result.code).not.toBe(0);
    expect(result.err).toContain(message);
    expect(existsSync('/nowhere')).toBe(false);
  });

  it('generates a labelled synthetic catalogue once, which the report says is synthetic', async () => {
    const first = await cli('generate', '--procedures', '40', '--seed', '7', '--data-dir', dataDir, '--json');
    expect(first.code).toBe(0);
    const outcome = JSON.parse(first.out);
    expect(outcome).toMatchObject({ replayed: 0, expected: { procedures: 40 } });
    expect(JSON.parse((await cli('generate', '--procedures', '40', '--seed', '7', '--data-dir', dataDir, '--json')).out)).toMatchObject({ replayed: outcome.commands });
    const report = JSON.parse((await cli('report', '--year', '2023', '--format', 'json', '--data-dir', dataDir)).out);
    expect(report.procedures.inForce.total).toBe(40);
    expect(report.basis.syntheticEvents).toBeGreaterThan(40);
    expect((await cli('report', '--year', '2023', '--data-dir', dataDir)).out).toContain('DỮ LIỆU MÔ PHỎNG');
  });

  it('seeds an empty store on first start when LEDGER_SEED_ON_START is true, and leaves a store with events alone', async () => {
    const start = (dir: string, env: Record<string, string> = {}) => startTestApp('sqlite', { LEDGER_DATA_DIR: dir, ...env });
    const count = async (t: Awaited<ReturnType<typeof start>>) => (await t.request('GET', '/ledger/stats')).body.eventCount;

    const fresh = await start(dataDir, { LEDGER_SEED_ON_START: 'true' });
    expect(await count(fresh)).toBe(SEEDED_EVENTS);
    await fresh.app.close();

    const otherDir = mkdtempSync(join(tmpdir(), 'ledger-seed-'));
    try {
      const off = await start(otherDir);
      expect(await count(off)).toBe(0);
      const report = { unit: 'Bình Phước', period: { label: 'Quý I/2025', to: '2025-03-31' }, source: 'báo cáo quý', figures: { received: 10 } };
      expect((await off.request('POST', '/statistics/dossiers', report)).status).toBe(201);
      await off.app.close();
      const on = await start(otherDir, { LEDGER_SEED_ON_START: 'true' });
      expect(await count(on)).toBe(1);
      await on.app.close();
    } finally {
      rmSync(otherDir, { recursive: true, force: true });
    }
  });

  it('reads the switch: on by default, off under NODE_ENV=test, refused unless true or false', () => {
    expect(loadConfig({}).seedOnStart).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).seedOnStart).toBe(false);
    expect(loadConfig({ LEDGER_SEED_ON_START: 'FALSE' }).seedOnStart).toBe(false);
    expect(() => loadConfig({ LEDGER_SEED_ON_START: 'yes' })).toThrow(ConfigError);
  });
});

describe('a synthetic catalogue matching a published figure', () => {
  it('adds up, through the real handlers, to 1,784 procedures (1,446 / 244 / 94) and 27,843.5 → 19,341.5 days on 30/6/2023', async () => {
    const t = await startTestApp('memory');
    try {
      const options = { procedures: 1784, seed: 42, match: 'bp-2023' as const };
      await runSynthetic(t.app.get(CommandBus), planSyntheticHistory(options), options);
      const inForce = (await t.request('GET', '/reductions/in-force?asOf=2023-06-30&by=level')).body;
      expect(inForce.total).toEqual({ key: 'total', count: 1784, beforeDays: 27843.5, afterDays: 19341.5, daysCut: 8502, percentCut: 30.535 });
      expect(inForce.groups.map((g: { key: string; count: number }) => [g.key, g.count])).toEqual([
        ['commune', 94],
        ['district', 244],
        ['province', 1446],
      ]);
      const report = JSON.parse(await reportText(t, 2022, 'json'));
      expect(report.procedures.changesByKind).toMatchObject({ abolished: expect.any(Number), replaced: 2, cut: expect.any(Number) });
      expect(report.procedures.byDecision.map((d: { decision: { number: string } }) => d.decision.number)).toEqual(['902/QĐ-MP-S42', '903/QĐ-MP-S42']);
      // A decision that only cut times is named by the decision its cut events cite, its date and issuer included.
      expect(report.procedures.byDecision).toContainEqual(
        expect.objectContaining({ decision: { number: '903/QĐ-MP-S42', date: expect.stringMatching(/^2022-/), issuer: expect.any(String) }, new: 0, cuts: report.procedures.changesByKind.cut }),
      );
    } finally {
      await t.close();
    }
  }, 60_000);
});
