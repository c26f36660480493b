/**
 * `npm run bench`: the rebuild and append benchmarks over a SYNTHETIC log (see synthetic-log.ts), written to a
 * temporary folder and deleted at the end. BENCH_EVENTS sets the size of the log (default 1,000,000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '../src/core/event-store/sqlite-event-store';
import { DEFAULT_KEPT_BYTES } from '../src/core/projection/rebuild';
import { ALL_PROJECTIONS } from '../projections';
import { measureAppends } from './append-throughput';
import { linkedDataDir, Measured, measureInChild } from './measure-in-child';
import { benchWithPeer } from './peer';
import { count, machine, percent, rate, table } from './report';
import { runServiceBenchmarks } from './service-benchmarks';
import { SyntheticLog } from './synthetic-log';

const total = Number(process.env.BENCH_EVENTS ?? 1_000_000);
if (!Number.isInteger(total) || total < 1000) throw new Error(`BENCH_EVENTS must be a whole number of at least 1000, got ${process.env.BENCH_EVENTS}`);
const quarter = Math.round(total / 4);
const MB = 1024 * 1024;
/** A quarter of the default size of documents kept in memory, to show what that memory buys and that memory is bounded. */
const FEW_KEPT_MB = 16;
/** As many worker threads as `ledger rebuild` starts here by default. */
const WORKERS = availableParallelism();

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-'));
  const eventsFile = join(dir, 'events.sqlite');
  const rebuild = async (projections: readonly string[], keptBytes?: number, workers?: number): Promise<Measured> => {
    const dataDir = linkedDataDir(dir, eventsFile);
    try {
      return await measureInChild({ kind: 'rebuild', dataDir, projections, keptBytes, workers });
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  };
  const all = ALL_PROJECTIONS.map((p) => p.name);
  const say = (text: string) => process.stderr.write(`bench: ${text}\n`);
  try {
    console.log(table(['', ''], machine()));
    // Generation uses synchronous=NORMAL: it only prepares the log to be read, and FULL would make it slower.
    say(`writing a synthetic log of ${count(total)} events (synchronous=NORMAL) to ${dir}`);
    const store = new SqliteEventStore({ file: eventsFile, synchronous: 'NORMAL' });
    const log = new SyntheticLog(total);
    let started = performance.now();
    await log.extendTo(store, quarter);
    let generationSeconds = (performance.now() - started) / 1000;
    say(`rebuilding every projection at ${count(quarter)} events, with the default and with ${FEW_KEPT_MB} MB of documents kept`);
    const atQuarter = await rebuild(all);
    const atQuarterFewKept = await rebuild(all, FEW_KEPT_MB * MB);
    started = performance.now();
    await log.extendTo(store, total);
    generationSeconds += (performance.now() - started) / 1000;
    await store.close();

    say('raw scan');
    await measureInChild({ kind: 'scan', eventsFile }); // warms the OS cache, so the runs after it read alike
    const scan = await measureInChild({ kind: 'scan', eventsFile });
    say(`rebuilding every projection at ${count(total)} events`);
    const atTotal = await rebuild(all);
    say(`rebuilding every projection at ${count(total)} events in ${WORKERS} worker threads`);
    const atTotalInWorkers = await rebuild(all, undefined, WORKERS);
    say(`rebuilding every projection at ${count(total)} events, ${FEW_KEPT_MB} MB of documents kept`);
    const atTotalFewKept = await rebuild(all, FEW_KEPT_MB * MB);
    const alone: Array<[string, Measured]> = [];
    for (const name of all) {
      say(`rebuilding ${name} alone`);
      alone.push([name, await rebuild([name])]);
    }
    say(`appending ${count(total)} events through the port and raw`);
    const appends = await measureAppends(dir, total);

    console.log(`\nsynthetic log: ${count(total)} events, ${scan.averageEventBytes} B of JSON each on average; written in ${generationSeconds.toFixed(1)} s (generation included)\n`);
    console.log(
      table(
        ['rebuild (events read from the log)', 'events', 'seconds', 'rate', 'of raw scan', 'peak RSS'],
        [
          ['raw scan: better-sqlite3 + JSON.parse', count(scan.events), scan.seconds.toFixed(2), rate(scan.events, scan.seconds), '100%', `${scan.peakRssMb} MB`],
          ...(
            [
              [`all ${all.length} projections at N/4`, atQuarter],
              [`all ${all.length} projections at N`, atTotal],
              [`all ${all.length} at N, ${WORKERS} worker threads (ledger rebuild)`, atTotalInWorkers],
              [`all ${all.length} at N, ${FEW_KEPT_MB} MB of documents kept`, atTotalFewKept],
              ...alone,
            ] as Array<[string, Measured]>
          ).map(
            ([label, m]) => [label, count(m.events), m.seconds.toFixed(2), rate(m.events, m.seconds), percent(m.eventsPerSecond, scan.eventsPerSecond), `${m.peakRssMb} MB`],
          ),
        ],
      ),
    );
    console.log();
    console.log(
      table(
        ['peak RSS of the full rebuild', `at ${count(quarter)} events`, `at ${count(total)} events`],
        [
          [`default: ${DEFAULT_KEPT_BYTES / MB} MB of documents kept per projection`, `${atQuarter.peakRssMb} MB`, `${atTotal.peakRssMb} MB`],
          [`${FEW_KEPT_MB} MB of documents kept per projection`, `${atQuarterFewKept.peakRssMb} MB`, `${atTotalFewKept.peakRssMb} MB`],
          ['process start', `${atQuarter.startRssMb} MB`, `${atTotal.startRssMb} MB`],
        ],
      ),
    );
    console.log();
    console.log(
      table(
        ['append, batches of ~500 events, synchronous=FULL', 'events', 'seconds', 'rate', 'of raw'],
        [
          ['raw better-sqlite3 inserts, same indexes', count(appends.events), appends.rawSeconds.toFixed(2), rate(appends.events, appends.rawSeconds), '100%'],
          ['EventStore port (appendToStreams)', count(appends.events), appends.portSeconds.toFixed(2), rate(appends.events, appends.portSeconds), percent(appends.rawSeconds, appends.portSeconds)],
        ],
      ),
    );

    // The same workloads beside a peer (Emmett) and the raw limit, on logs of their own: see peer.ts.
    await benchWithPeer(dir, total);

    // HTTP benchmarks through the running service (end to end, reads, annual report): see service-benchmarks.ts.
    await runServiceBenchmarks(eventsFile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(error);
  process.exitCode = 1;
});
