/**
 * Runs one measurement in a fresh Node process, so that each figure (above all peak memory) is of that work alone:
 * not of the generator's leftovers, nor of the runs before it.
 */
import { fork } from 'node:child_process';
import { SqliteEventStore } from '../src/core/event-store/sqlite-event-store';
import { SqliteReadStore } from '../src/core/projection/read-store';
import { rebuildProjections } from '../src/core/projection/rebuild';
import { ALL_PROJECTIONS } from '../projections';
import { PeakRssSampler } from './peak-rss';
import { rawScan } from './raw-scan';

export type Measurement =
  | { readonly kind: 'scan'; readonly eventsFile: string }
  | {
      readonly kind: 'rebuild';
      readonly eventsFile: string;
      readonly readFile: string;
      readonly projections: readonly string[];
      /** Size of the documents kept in memory per projection; the runtime's default when absent. */
      readonly keptBytes?: number;
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
  const store = new SqliteEventStore({ file: measurement.eventsFile });
  const readStore = new SqliteReadStore(measurement.readFile);
  try {
    const projections = ALL_PROJECTIONS.filter((p) => measurement.projections.includes(p.name));
    const started = performance.now();
    const result = await rebuildProjections(store, readStore, projections, { keptBytes: measurement.keptBytes });
    const seconds = (performance.now() - started) / 1000;
    return { events: result.events, seconds, eventsPerSecond: Math.round(result.events / seconds), startRssMb, peakRssMb: await sampler.stop() };
  } finally {
    readStore.close();
    await store.close();
  }
}

if (require.main === module) answerInChild(measure);
