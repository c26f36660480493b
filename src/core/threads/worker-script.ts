import { extname, join } from 'node:path';
import { Worker, WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread on the script named `name` in the folder `dir`, as built beside its caller: `.js` in the
 * build, `.ts` when the sources are run directly (as the test suite runs the service and the CLI), in which case the
 * worker is made to compile them on load as the suite's child processes do. Workers take this process's node options
 * (a heap size, a profiler).
 */
export function startWorker(dir: string, name: string, options: Omit<WorkerOptions, 'execArgv'> = {}): Worker {
  const extension = extname(__filename);
  const execArgv = extension === '.ts' ? [...process.execArgv, '--require', join(__dirname, '../../../test/support/swc-register.js')] : undefined;
  return new Worker(join(dir, `${name}${extension}`), { ...options, execArgv });
}
