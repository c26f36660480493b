import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';

/**
 * The process that created a generation of a read model. A generation nothing refers to is either being built (by a
 * `ledger rebuild` beside the service, or by a worker of this process) or was left behind by a build that died; only
 * the second may be dropped, and which one it is depends on whether its builder still runs.
 */
export interface GenerationBuilder {
  readonly host: string;
  readonly pid: number;
  /** When the process began, as the kernel counts it: with the pid, it names one process although pids are reused. */
  readonly started: string | null;
  /** Milliseconds since the epoch. */
  readonly createdAt: number;
}

/**
 * How long a generation built on another host (a container of its own sharing the data directory) is taken to be in
 * progress: nothing here can ask whether a process there still runs. Far longer than any rebuild.
 */
export const FOREIGN_BUILD_AT_MOST_MS = 24 * 60 * 60 * 1000;

const PROC = existsSync('/proc/self/stat');

/** When a process began (Linux: field 22 of /proc/<pid>/stat), undefined when there is no such process or no /proc. */
export function processStart(pid: number): string | undefined {
  if (!PROC) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The second field, the command's name, may hold spaces and parentheses: count the fields after its last ')'.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  } catch {
    return undefined;
  }
}

/** This process, as the builder of the generations it creates. Its worker threads share it. */
export const thisBuilder = (now = Date.now()): GenerationBuilder => ({
  host: hostname(),
  pid: process.pid,
  started: processStart(process.pid) ?? null,
  createdAt: now,
});

/** Whether the process that created a generation no longer runs, so that what it left may be dropped. */
export function builderGone(builder: GenerationBuilder, now = Date.now()): boolean {
  if (builder.host !== hostname()) return now - builder.createdAt > FOREIGN_BUILD_AT_MOST_MS;
  // A process of the same pid that began at another moment is another one: a restarted container's service is pid 1 again.
  if (PROC && builder.started !== null) return processStart(builder.pid) !== builder.started;
  if (builder.pid === process.pid) return false;
  try {
    process.kill(builder.pid, 0);
    return false;
  } catch (error) {
    // EPERM: it runs, under another user.
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
