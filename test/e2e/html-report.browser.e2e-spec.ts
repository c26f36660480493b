import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportText, startSeededApp } from '../support/seeded-app';
import { TestApp } from '../support/test-app';

/** Debian's chromium; the test needs a real browser and says so when there is none. */
const CHROMIUM = '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);

function chromium(profile: string, ...args: string[]) {
  const run = spawnSync(CHROMIUM, ['--headless', '--no-sandbox', '--disable-gpu', `--user-data-dir=${profile}`, '--enable-logging=stderr', '--v=0', ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: run.status, dom: run.stdout, log: run.stderr };
}

/** Lines the page itself wrote to the console, or script errors: a self-contained report has neither. */
const consoleLines = (log: string): string[] => log.split('\n').filter((line) => /CONSOLE|Uncaught/.test(line));

// eslint-disable-next-line no-console
if (!haveChromium) console.warn(`HTML report browser test skipped: ${CHROMIUM} is not installed (apt-get install -y chromium)`);

(haveChromium ? describe : describe.skip)(
  haveChromium ? 'the HTML report in headless chromium' : `the HTML report in headless chromium — SKIPPED: ${CHROMIUM} is not installed (apt-get install -y chromium)`,
  () => {
    let t: TestApp;
    let dir: string;
    beforeAll(async () => {
      t = await startSeededApp('memory');
      dir = mkdtempSync(join(tmpdir(), 'ledger-html-'));
    });
    afterAll(async () => {
      await t.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it.each([2022, 2023, 2024])('renders the %i report without errors, with its Vietnamese labels, numbers and charts', async (year) => {
      const html = await reportText(t, year, 'html');
      const file = join(dir, `bao-cao-${year}.html`);
      writeFileSync(file, html);
      const page = chromium(join(dir, 'profile'), '--dump-dom', `file://${file}`);
      expect(page.status).toBe(0);
      expect(consoleLines(page.log)).toEqual([]);
      expect(page.dom).toContain(`<h1>Báo cáo cải cách hành chính năm ${year}</h1>`);
      expect(page.dom).toContain('Thủ tục hành chính');
      expect(page.dom).toContain('Tỷ lệ đúng hạn');
      expect((page.dom.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(2);
      if (year === 2023) expect(page.dom).toContain('27.843,5');
      if (year === 2024) expect(page.dom).toContain('99,84%');

      // The charts must also be well-formed SVG: the XML parser reports what the HTML parser forgives.
      const charts = html.match(/<svg [\s\S]*?<\/svg>/g) ?? [];
      const svgFile = join(dir, `charts-${year}.svg`);
      writeFileSync(svgFile, `<svg xmlns="http://www.w3.org/2000/svg">${charts.join('')}</svg>`);
      const parsed = chromium(join(dir, 'profile'), '--dump-dom', `file://${svgFile}`);
      expect(parsed.status).toBe(0);
      expect(parsed.dom).toContain('<rect');
      expect(parsed.dom).not.toContain('parsererror');

      const shot = join(dir, `bao-cao-${year}.png`);
      expect(chromium(join(dir, 'profile'), '--hide-scrollbars', '--window-size=1280,2000', `--screenshot=${shot}`, `file://${file}`).status).toBe(0);
      expect(statSync(shot).size).toBeGreaterThan(20_000);
    }, 180_000);
  },
);
