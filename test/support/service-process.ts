import { ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

/** A running service in a process of its own, as the crash test drives it: over HTTP, and killed without warning. */
export interface ServiceProcess {
  readonly url: string;
  /** A reform-office key the service created for this run. */
  readonly key: string;
  /** SIGKILL: no shutdown hook, no flush, no close; resolves once the process is gone. */
  kill(): Promise<void>;
}

/**
 * Starts test/support/crash-child.ts with plain `node`, the TypeScript compiled on load by swc-register.js, on the
 * given data folder, and resolves once it prints that it serves. Compiled files are cached in `swcCache`, so that
 * the many restarts of one test compile the sources once.
 */
export function startServiceProcess(dataDir: string, swcCache: string): Promise<ServiceProcess> {
  const child = spawn(process.execPath, ['--require', join(ROOT, 'test/support/swc-register.js'), join(ROOT, 'test/support/crash-child.ts')], {
    cwd: ROOT,
    env: { ...process.env, NODE_ENV: 'test', LEDGER_DATA_DIR: dataDir, LEDGER_SWC_CACHE: swcCache, LEDGER_WRITES_PER_MINUTE: '1000000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => void (stderr = (stderr + chunk.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    let stdout = '';
    const onData = (chunk: Buffer) => {
      stdout += chunk.toString();
      const line = stdout.split('\n').find((l) => l.startsWith('{'));
      if (!line || !stdout.includes('\n')) return;
      child.stdout!.off('data', onData);
      const { port, key } = JSON.parse(line) as { port: number; key: string };
      resolve({ url: `http://127.0.0.1:${port}`, key, kill: () => killNow(child, exited) });
    };
    child.stdout!.on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`the service exited before serving (code ${code}, signal ${signal}): ${stderr}`)));
  });
}

async function killNow(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await exited;
}
