/**
 * Runs one measurement in a fresh Node process, so that each figure (above all peak memory) is of that work alone:
 * not of the generator's leftovers, nor of the runs before it.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { rebuildInWorkers } from '../src/cli/rebuild-workers';
import { loadConfig, SQLITE_FILE_NAME } from '../src/config/ledger-config';
import { openEventStore } from '../src/config/open-event-store';
import { openReadStore } from '../src/config/open-read-store';
import { ALL_PROJECTIONS } from '../projections';
import { PeakRssSampler } from './peak-rss';
import { rawScan } from './raw-scan';

export type Measurement =
  | { readonly kind: 'scan'; readonly eventsFile: string }
  | {
      readonly kind: 'rebuild';
      /** A data folder as `ledger rebuild` opens it: the log (see linkedDataDir), and the read store it writes. */
      readonly dataDir: string;
      readonly projections: readonly string[];
      /** Size of the documents kept in memory per projection; the runtime's default when absent. */
      readonly keptBytes?: number;
      /** Worker threads, as `ledger rebuild` shares the projections out; absent, the rebuild runs in this thread. */
      readonly workers?: number;
    };

export interface Measured {
  readonly events: number;
  readonly seconds: number;
  readonly eventsPerSecond: number;
  /** RSS when the work started and its peak during the work, in MB. */
  readonly startRssMb: number;
  readonly peakRssMb: number;
  readonly averageEventBytes?: number;
}

/** A new data folder in `parent` whose log is `eventsFile`, linked rather than copied (it may be gigabytes). */
export function linkedDataDir(parent: string, eventsFile: string): string {
  const dataDir = mkdtempSync(join(parent, 'data-'));
  symlinkSync(eventsFile, join(dataDir, SQLITE_FILE_NAME));
  return dataDir;
}

export function measureInChild(measurement: Measurement): Promise<Measured> {
  return runInChild(__filename, measurement);
}

/** Forks `file` (a module that calls `answerInChild`) with one measurement, and resolves with what it sends back. */
export function runInChild(file: string, measurement: { readonly kind: string }): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const child = fork(file, [JSON.stringify(measurement)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: Measured | undefined;
    child.on('message', (message) => (result = message as Measured));
    child.on('error', reject);
    child.on('exit', (code) => (result ? resolve(result) : reject(new Error(`${measurement.kind} measurement exited with ${code}`))));
  });
}

/**
 * The child's side: measures what its argument names and sends the figures to the parent, or prints them when the
 * module was started by hand (`node dist/bench/<file>.js '<measurement as JSON>'`).
 */
export function answerInChild<M>(measure: (measurement: M) => Promise<Measured>): void {
  void measure(JSON.parse(process.argv[2]) as M).then(
    (measured) => (process.send ? process.send(measured, () => process.exit(0)) : (console.log(measured), process.exit(0))),
    (error: Error) => {
      console.error(error);
      process.exit(1);
    },
  );
}

async function measure(measurement: Measurement): Promise<Measured> {
  const startRssMb = Math.round(process.memoryUsage.rss() / 1048576);
  const sampler = new PeakRssSampler(100);
  if (measurement.kind === 'scan') {
    const scan = rawScan(measurement.eventsFile);
    return { ...scan, eventsPerSecond: Math.round(scan.events / scan.seconds), startRssMb, peakRssMb: await sampler.stop() };
  }
  const config = loadConfig({ LEDGER_DATA_DIR: measurement.dataDir });
  const store = await openEventStore(config);
  const readStore = openReadStore(config);
  try {
    const projections = ALL_PROJECTIONS.filter((p) => measurement.projections.includes(p.name));
    const started = performance.now();
    const options = { keptBytes: measurement.keptBytes, workers: measurement.workers ?? 1 };
    const result = await rebuildInWorkers(config, store, readStore, projections, options);
    const seconds = (performance.now() - started) / 1000;
    return { events: result.events, seconds, eventsPerSecond: Math.round(result.events / seconds), startRssMb, peakRssMb: await sampler.stop() };
  } finally {
    readStore.close();
    await store.close();
  }
}

if (require.main === module) answerInChild(measure);
