/**
 * The benchmarks that go through the running service over HTTP, for `npm run bench` (one call from run.ts, once the
 * synthetic log is written): decisions posted end to end, reads over the log, and the annual report over the log and
 * over the seeded ledger. BENCH_HTTP_SECONDS (default 10) and BENCH_READ_SECONDS (default 5) set the time of each
 * load run. Each part can also be run alone: see the comment at the top of its file.
 */
import { measureSeededAnnualReport, printAnnualReports } from './annual-report';
import { measureHttpDecisions, printHttpDecisions } from './http-decisions';
import { measureReadLatency, printReadLatency } from './read-latency';

const say = (text: string) => process.stderr.write(`bench: ${text}\n`);

export async function runServiceBenchmarks(eventsFile: string): Promise<void> {
  say('posting decisions over HTTP at 1, 8 and 32 connections');
  printHttpDecisions(await measureHttpDecisions({ seconds: Number(process.env.BENCH_HTTP_SECONDS ?? 10) }));
  say('reading over HTTP from the synthetic log');
  printReadLatency(await measureReadLatency(eventsFile, { seconds: Number(process.env.BENCH_READ_SECONDS ?? 5) }));
  say('seeding a fresh ledger and timing its annual report');
  const seeded = await measureSeededAnnualReport();
  console.log(`\nledger seed into a fresh folder: ${seeded.seedSeconds.toFixed(2)} s`);
  printAnnualReports([seeded]);
}
