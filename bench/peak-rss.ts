import { Worker } from 'node:worker_threads';

/**
 * Samples the process's resident set size every `intervalMs` from a worker thread. A thread rather than a timer:
 * a rebuild keeps the main thread busy between pages (its awaits resolve at once), so main-thread timers would not
 * fire until it ends. RSS is per process, so the thread sees the whole process, itself included (a few MB).
 */
export class PeakRssSampler {
  private readonly peak = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;

  constructor(intervalMs = 100) {
    // Kept in MB so that it fits an Int32Array that both threads can read and write without messages.
    this.peak[0] = Math.round(process.memoryUsage.rss() / 1048576);
    this.worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       const peak = new Int32Array(workerData.buffer);
       setInterval(() => Atomics.store(peak, 0, Math.max(Atomics.load(peak, 0), Math.round(process.memoryUsage.rss() / 1048576))), workerData.intervalMs);`,
      { eval: true, workerData: { buffer: this.peak.buffer, intervalMs } },
    );
  }

  /** Peak RSS in MB seen so far (the last sample included). */
  async stop(): Promise<number> {
    Atomics.store(this.peak, 0, Math.max(Atomics.load(this.peak, 0), Math.round(process.memoryUsage.rss() / 1048576)));
    await this.worker.terminate();
    return Atomics.load(this.peak, 0);
  }
}
