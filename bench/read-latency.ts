/**
 * Reads over a large log: the real service (in a child process) on a copy-free link to the benchmark's events file,
 * its read models rebuilt first with rebuildProjections (in a child of their own, as `ledger rebuild` would), so that
 * the service starts caught up instead of folding the whole log on its first minutes. Then autocannon asks, one route
 * at a time, at 1 and 8 connections, for things the log holds (sampled from it, see log-samples.ts), each request a
 * different code, decision, actor or cursor from a list cycled through, so that no single cached row is measured:
 *
 * - GET /procedures/{code}/history and GET /procedures/{code}: folded from the procedure's stream in the log;
 * - GET /audit filtered by entity, by actor, by decision, by actor from a cursor far down, and by a month of effective
 *   dates, the pages of a walk through it: the audit read model;
 * - GET /ledger/proof/{eventId} and GET /ledger/consistency?from=: proofs over the whole log, after a first digest
 *   (timed on its own) has computed and kept the roots of its complete subtrees.
 *
 * The annual report over the same log is timed while the service is up (annual-report.ts).
 *
 * Alone, for development: `npm run build && node dist/bench/read-latency.js [events.sqlite]`; without a file it
 * writes a synthetic log of BENCH_EVENTS events (default 1,000,000) to a temporary folder first.
 * BENCH_READ_SECONDS (default 5) sets the time of each run; BENCH_PROFILE_DIR profiles the service.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_PROJECTIONS } from '../projections';
import { SqliteEventStore } from '../src/core/event-store/sqlite-event-store';
import { getText, printAnnualReports, ReportTiming, timeAnnualReport, timed, writeCatalogueSnapshot } from './annual-report';
import { LoadResult, ms, refusals, runLoad } from './load';
import { sampleLog } from './log-samples';
import { linkedDataDir, measureInChild } from './measure-in-child';
import { count, machine, table } from './report';
import { startService } from './service-process';
import { SyntheticLog } from './synthetic-log';

export interface ReadLatencyOptions {
  readonly seconds?: number;
  readonly connections?: readonly number[];
  /** Time the annual report of the log's busiest year as well, then again from a snapshot of the catalogue (default true). */
  readonly annualReport?: boolean;
}

export interface ReadRun extends LoadResult {
  readonly route: string;
}

export interface ReadLatencyResult {
  readonly events: number;
  readonly rebuildSeconds: number;
  readonly runs: readonly ReadRun[];
  /** The first digest of the whole log, which computes the roots the proofs start from, seconds. */
  readonly firstDigestSeconds: number;
  readonly annualReports: readonly ReportTiming[];
}

export const READ_TARGET_P99_MS = 5;

const cycle = <T>(values: readonly T[]): (() => T) => {
  let i = 0;
  return () => values[i++ % values.length];
};

export async function measureReadLatency(eventsFile: string, options: ReadLatencyOptions = {}): Promise<ReadLatencyResult> {
  const seconds = options.seconds ?? 5;
  const connections = options.connections ?? [1, 8];
  const samples = sampleLog(eventsFile);
  // The service reads the events file where it is: a link, not a copy of a file of hundreds of MB.
  const dataDir = linkedDataDir(tmpdir(), eventsFile);
  try {
    process.stderr.write(`bench: rebuilding the read models of ${count(samples.events)} events for the service\n`);
    const rebuild = await measureInChild({ kind: 'rebuild', dataDir, projections: ALL_PROJECTIONS.map((p) => p.name), workers: availableParallelism() });
    const service = await startService({ dataDir, label: 'read-latency' });
    try {
      const q = encodeURIComponent;
      const routes: Array<[string, () => string]> = [
        ['GET /procedures/{code}/history', ((code) => () => `/procedures/${q(code())}/history`)(cycle(samples.codes))],
        ['GET /procedures/{code}', ((code) => () => `/procedures/${q(code())}`)(cycle(samples.codes))],
        ['GET /audit?entityType=procedure&entityId=', ((code) => () => `/audit?entityType=procedure&entityId=${q(code())}`)(cycle(samples.codes))],
        ['GET /audit?decision=', ((decision) => () => `/audit?decision=${q(decision())}`)(cycle(samples.decisions))],
        ['GET /audit?actor=', ((actor) => () => `/audit?actor=${q(actor())}`)(cycle(samples.actors))],
        [
          'GET /audit?actor=&cursor= (a page far down)',
          ((actor, position) => () => `/audit?actor=${q(actor())}&cursor=${position()}`)(cycle(samples.actors), cycle(samples.positions)),
        ],
        [
          'GET /audit?effectiveFrom=&effectiveTo= (a month, page by page)',
          ((page) => () => {
            const { from, to, cursor } = page();
            return `/audit?effectiveFrom=${from}&effectiveTo=${to}${cursor ? `&cursor=${cursor}` : ''}`;
          })(cycle(samples.monthPages)),
        ],
        ['GET /ledger/proof/{eventId}', ((eventId) => () => `/ledger/proof/${q(eventId())}`)(cycle(samples.eventIds))],
        ['GET /ledger/consistency?from=', ((position) => () => `/ledger/consistency?from=${position()}`)(cycle(samples.positions))],
      ];
      // Before any proof: the first digest computes the roots of the log's complete subtrees, which the proofs read.
      const [, firstDigestSeconds] = await timed(() => getText(service, '/ledger/digest'));
      const runs: ReadRun[] = [];
      for (const [route, path] of routes) {
        const next = () => ({ method: 'GET' as const, path: path() });
        // A short first pass warms the JIT and the pages the route reads.
        await runLoad({ url: service.url, key: service.key, connections: 1, seconds: 1, next });
        for (const c of connections) runs.push({ route, ...(await runLoad({ url: service.url, key: service.key, connections: c, seconds, next })) });
      }
      const annualReports: ReportTiming[] = [];
      if (options.annualReport !== false) {
        const { year, eventsNextYear } = samples.busiestYear;
        annualReports.push(await timeAnnualReport(service, `synthetic log, its busiest year ${year}`, year));
        // As an office would before its report: the catalogue at the year's end written once, beside the live service.
        const snapshotSeconds = await writeCatalogueSnapshot(dataDir, `${year}-12-31`);
        annualReports.push(await timeAnnualReport(service, `the same, a catalogue snapshot at its end (written in ${snapshotSeconds.toFixed(1)} s)`, year));
        // The catalogue as of the next year's end starts from that snapshot too, folding the year's events on top.
        if (eventsNextYear > 0) {
          annualReports.push(await timeAnnualReport(service, `the next year, ${year + 1}, from that snapshot`, year + 1));
          // And from its own, folded on the year before's rather than replayed from the log.
          const nextSnapshotSeconds = await writeCatalogueSnapshot(dataDir, `${year + 1}-12-31`);
          annualReports.push(await timeAnnualReport(service, `the same, a snapshot at its end (folded on the year before's in ${nextSnapshotSeconds.toFixed(1)} s)`, year + 1));
        }
      }
      return { events: samples.events, rebuildSeconds: rebuild.seconds, runs, firstDigestSeconds, annualReports };
    } finally {
      await service.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function printReadLatency(result: ReadLatencyResult): void {
  console.log(
    `\nreads over HTTP with ${count(result.events)} events in the store (read models rebuilt first in ${result.rebuildSeconds.toFixed(1)} s); ` +
      `autocannon, ${result.runs[0]?.seconds.toFixed(0) ?? '?'} s a run; target p99 < ${READ_TARGET_P99_MS} ms\n`,
  );
  console.log(
    table(
      ['route', 'connections', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx', 'bytes/answer', 'p99 target'],
      result.runs.map((r) => [
        r.route,
        String(r.connections),
        count(Math.round(r.requestsPerSecond)),
        ms(r.p50),
        ms(r.p99),
        ms(r.max),
        refusals(r),
        count(r.averageResponseBytes),
        r.p99 < READ_TARGET_P99_MS ? 'met' : 'not met',
      ]),
    ),
  );
  console.log(`\nthe first digest of the whole log, computing the subtree roots the proofs start from: ${result.firstDigestSeconds.toFixed(1)} s`);
  if (result.annualReports.length) printAnnualReports(result.annualReports);
}

/** Writes a synthetic log of `total` events as run.ts does (synchronous=NORMAL: it only prepares the log). */
async function writeLog(file: string, total: number): Promise<void> {
  const store = new SqliteEventStore({ file, synchronous: 'NORMAL' });
  try {
    await new SyntheticLog(total).extendTo(store, total);
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  void (async () => {
    console.log(table(['', ''], machine()));
    let eventsFile = process.argv[2];
    let tempDir: string | undefined;
    if (!eventsFile) {
      const total = Number(process.env.BENCH_EVENTS ?? 1_000_000);
      tempDir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
      eventsFile = join(tempDir, 'events.sqlite');
      process.stderr.write(`bench: writing a synthetic log of ${count(total)} events to ${tempDir}\n`);
      await writeLog(eventsFile, total);
    }
    try {
      printReadLatency(await measureReadLatency(eventsFile, { seconds: Number(process.env.BENCH_READ_SECONDS ?? 5) }));
    } finally {
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    }
  })().catch((error: Error) => {
    console.error(error);
    process.exitCode = 1;
  });
}
