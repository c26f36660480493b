/**
 * The annual report's time, over HTTP (GET /reports/annual/{year}?format=json) from a running service: over the
 * synthetic log (from read-latency.ts, which has the service up on it) and over the published facts of seeds/
 * (`ledger seed` into a fresh folder, then the service on it).
 *
 * What the report reads: the whole audit trail up to the year's end (its basis: count and digest of every event),
 * the catalogue folded from that trail as of the year's end (GET /reductions/in-force?asOf=, timed beside it), the
 * year's procedure and decision events, the cuts read model, the registry, and the statistics and their findings.
 * A synthetic log has procedures only, so there the report is mostly reading and folding the trail; over the seeds
 * it is mostly the statistics, with few events.
 *
 * Alone, for development: `npm run build && node dist/bench/annual-report.js` (the seeded ledger only).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { count, machine, table } from './report';
import { BenchService, startService } from './service-process';

export interface ReportTiming {
  readonly label: string;
  readonly year: number;
  /** Seconds of each request, the first (cold) included. */
  readonly seconds: readonly number[];
  readonly eventsConsidered: number;
  readonly bytes: number;
  /** The catalogue as of the year's end alone (GET /reductions/in-force?asOf=), seconds. */
  readonly catalogueSeconds: number;
  /** Peak RSS of the service process so far, when the system tells it (Linux), in MB. */
  readonly servicePeakRssMb?: number;
}

export async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now();
  const result = await work();
  return [result, (performance.now() - started) / 1000];
}

/** node:http rather than fetch: fetch gives up on headers after 300 s, and a report over a large log may take longer. */
export function getText(service: BenchService, path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const request = httpGet(`${service.url}${path}`, { headers: { authorization: `Bearer ${service.key}` } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const body = Buffer.concat(chunks).toString();
        if (response.statusCode === 200) resolve(body);
        else reject(new Error(`GET ${path} answered ${response.statusCode}: ${body.slice(0, 300)}`));
      });
      response.on('error', reject);
    });
    request.on('error', reject);
  });
}

/** Peak resident set of a process, from /proc (Linux); undefined elsewhere. */
export function peakRssMb(pid: number): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

export async function timeAnnualReport(service: BenchService, label: string, year: number, runs = 2): Promise<ReportTiming> {
  const seconds: number[] = [];
  let body = '';
  for (let i = 0; i < runs; i++) {
    const [text, s] = await timed(() => getText(service, `/reports/annual/${year}?format=json`));
    body = text;
    seconds.push(s);
  }
  const [, catalogueSeconds] = await timed(() => getText(service, `/reductions/in-force?asOf=${year}-12-31&by=level`));
  const report = JSON.parse(body) as { basis: { eventsConsidered: number } };
  return { label, year, seconds, eventsConsidered: report.basis.eventsConsidered, bytes: Buffer.byteLength(body), catalogueSeconds, servicePeakRssMb: peakRssMb(service.pid) };
}

const CLI = join(__dirname, '..', 'src', 'cli.js');

/** `ledger rebuild procedure-catalog --as-of`: the catalogue at a date written as a snapshot; returns the seconds taken. */
export async function writeCatalogueSnapshot(dataDir: string, asOf: string): Promise<number> {
  const [, seconds] = await timed(() => promisify(execFile)(process.execPath, [CLI, 'rebuild', 'procedure-catalog', '--as-of', asOf, '--data-dir', dataDir]));
  return seconds;
}

/** `ledger seed` into a fresh folder, then the report of `year` from the service on it. */
export async function measureSeededAnnualReport(year = 2023, runs = 3): Promise<ReportTiming & { readonly seedSeconds: number }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-seeded-'));
  try {
    const [, seedSeconds] = await timed(() => promisify(execFile)(process.execPath, [CLI, 'seed', '--data-dir', dataDir], { env: { ...process.env, NODE_ENV: 'production' } }));
    const service = await startService({ dataDir, label: 'seeded-report' });
    try {
      return { ...(await timeAnnualReport(service, `seeded ledger (seeds/), ${year}`, year, runs)), seedSeconds };
    } finally {
      await service.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printAnnualReports(timings: readonly ReportTiming[]): void {
  console.log('\nannual report: GET /reports/annual/{year}?format=json, one request at a time; the first is cold\n');
  console.log(
    table(
      ['ledger, year', 'events in basis', 'first s', 'next s', 'of which catalogue s', 'JSON bytes', 'service peak RSS'],
      timings.map((t) => [
        `${t.label}`,
        count(t.eventsConsidered),
        t.seconds[0].toFixed(2),
        t.seconds.slice(1).map((s) => s.toFixed(2)).join(' ') || '-',
        t.catalogueSeconds.toFixed(2),
        count(t.bytes),
        t.servicePeakRssMb === undefined ? '-' : `${t.servicePeakRssMb} MB`,
      ]),
    ),
  );
  console.log(
    'the report reads the audit trail up to the year\'s end a page at a time (its basis: counted and digested) and folds the catalogue as it reads; ' +
      '"of which catalogue" is that fold alone (GET /reductions/in-force?asOf=), or reading the snapshot and folding what it lacks (what took effect after its date, what was recorded since). A synthetic log has no statistics, so ' +
      'there the report is mostly the trail; over the seeds it is mostly the statistics and their findings.',
  );
}

if (require.main === module) {
  console.log(table(['', ''], machine()));
  measureSeededAnnualReport()
    .then((timing) => {
      console.log(`\nledger seed: ${timing.seedSeconds.toFixed(2)} s (a fresh Node process, Nest started once)`);
      printAnnualReports([timing]);
    })
    .catch((error: Error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
