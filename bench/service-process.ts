/**
 * The real service in a process of its own, for the HTTP benchmarks: the load generator runs in the parent, so that
 * the two do not share one event loop (on a machine of few cores they still share the cores: see the tables' notes).
 *
 * The child is the app `npm start` runs (createApp, the configuration read from the environment: SQLite with
 * synchronous=FULL unless LEDGER_SQLITE_SYNCHRONOUS says otherwise), on a loopback port of its own, not seeding, with
 * writes per key raised so that the rate limit does not shape the figures. Once it serves it sends the parent its port
 * and a fresh reform-office key (which may write and read); it closes the app and exits when the parent says so, so
 * that `node --cpu-prof` (BENCH_PROFILE_DIR) gets to write its profile.
 */
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { AddressInfo } from 'node:net';
import { join } from 'node:path';

export interface BenchService {
  readonly url: string;
  readonly key: string;
  readonly pid: number;
  /**
   * CPU time the service process has used so far, user and system, in ms. Between two runs, it says what a request
   * costs the service whatever else shares the machine's cores (wall-clock figures do not).
   */
  cpuMs(): Promise<number>;
  /**
   * CPU time of the service's main thread alone (requests, commits; not the projection worker), in ms, where the
   * system tells it (Linux: /proc), in steps of 10 ms.
   */
  mainThreadCpuMs(): Promise<number | undefined>;
  /** Closes the app (its stores included) and waits for the process to end. */
  stop(): Promise<void>;
}

interface CpuAnswer {
  readonly cpuMs: number;
  readonly mainThreadCpuMs?: number;
}

interface Ready {
  readonly port: number;
  readonly key: string;
}

export interface ServiceOptions {
  readonly dataDir: string;
  /** Added to the child's environment (after the defaults below). */
  readonly env?: Readonly<Record<string, string>>;
  /** Names the profiles' folder, when BENCH_PROFILE_DIR asks for them: `<label>-<time>/`, a profile per thread. */
  readonly label?: string;
  /**
   * The floor instead of the app: the same Fastify, one route, POST /decisions, whose body is parsed and answered 201,
   * with no Nest, no guard, no validation and no write. What the framework and the machine cost a request by themselves.
   */
  readonly bare?: boolean;
}

export function startService({ dataDir, env = {}, label = 'service', bare = false }: ServiceOptions): Promise<BenchService> {
  const profileDir = process.env.BENCH_PROFILE_DIR && join(process.env.BENCH_PROFILE_DIR, `${label}-${Date.now()}`);
  if (profileDir) mkdirSync(profileDir, { recursive: true });
  const child = fork(__filename, bare ? [BARE] : [], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      LEDGER_DATA_DIR: dataDir,
      LEDGER_SEED_ON_START: 'false',
      LEDGER_WRITES_PER_MINUTE: '1000000',
      ...env,
    },
    // No profile name: worker threads take these options too, and each thread's profile needs a name of its own.
    execArgv: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
    stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
    process.stderr.write(chunk);
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const cpuAnswers: Array<(answer: CpuAnswer) => void> = [];
  child.on('message', (message) => {
    if (typeof message === 'object' && message !== null && 'cpuMs' in message) cpuAnswers.shift()?.(message as CpuAnswer);
  });
  const askCpu = () =>
    new Promise<CpuAnswer>((answer) => {
      cpuAnswers.push(answer);
      child.send('cpu');
    });
  return new Promise((resolve, reject) => {
    child.once('message', (message) => {
      const { port, key } = message as Ready;
      resolve({
        url: `http://127.0.0.1:${port}`,
        key,
        pid: child.pid!,
        cpuMs: async () => (await askCpu()).cpuMs,
        mainThreadCpuMs: async () => (await askCpu()).mainThreadCpuMs,
        stop: async () => {
          if (child.connected) child.send('stop');
          await exited;
        },
      });
    });
    child.once('exit', (code, signal) => reject(new Error(`the service exited before serving (code ${code}, signal ${signal}): ${stderr}`)));
  });
}

const BARE = 'bare';

interface Served {
  readonly port: number;
  readonly key: string;
  close(): Promise<void>;
}

async function serveApp(): Promise<Served> {
  // Loaded here, not at the top: the parent only forks, and need not load Nest and the whole app to do so.
  await import('reflect-metadata');
  const { createApp } = await import('../src/app.factory');
  const { loadConfig } = await import('../src/config/ledger-config');
  const { ApiKeyStore } = await import('../src/access/api-key.store');
  const config = loadConfig({ ...process.env, HOST: '127.0.0.1', PORT: '0' });
  const app = await createApp({ config, logger: ['error'] });
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const { key } = app.get(ApiKeyStore).create(`bench-office-${process.pid}`, 'reform-office');
  return { port, key, close: () => app.close() };
}

async function serveBare(): Promise<Served> {
  const { FastifyAdapter } = await import('@nestjs/platform-fastify');
  const { loadConfig } = await import('../src/config/ledger-config');
  const fastify = new FastifyAdapter({ bodyLimit: loadConfig(process.env).bodyLimitBytes }).getInstance();
  let position = 0;
  fastify.post('/decisions', (request, reply) => {
    const { decision } = request.body as { decision: { number: string } };
    void reply.code(201).send({ decision: decision.number, position: ++position });
  });
  await fastify.listen({ port: 0, host: '127.0.0.1' });
  return { port: (fastify.server.address() as AddressInfo).port, key: 'none', close: () => fastify.close() };
}

async function serve(): Promise<void> {
  const { port, key, close: closeServer } = await (process.argv.includes(BARE) ? serveBare() : serveApp());
  let closing: Promise<void> | undefined;
  const close = () => (closing ??= closeServer().then(() => process.exit(0)));
  process.on('message', (message) => {
    if (message === 'cpu') {
      const { user, system } = process.cpuUsage();
      process.send!({ cpuMs: (user + system) / 1000, mainThreadCpuMs: mainThreadCpuMs() } satisfies CpuAnswer);
    } else if (message === 'stop') void close();
  });
  // A parent that dies without saying stop must not leave a server behind.
  process.on('disconnect', () => void close());
  process.send!({ port, key } satisfies Ready);
}

if (require.main === module) {
  serve().catch((error: unknown) => {
    process.stderr.write(`bench service failed to start: ${(error as Error).stack ?? String(error)}\n`);
    process.exit(1);
  });
}

/** This process's main thread's CPU time from /proc (utime and stime, in clock ticks of 10 ms); undefined elsewhere. */
function mainThreadCpuMs(): number | undefined {
  try {
    const fields = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1].split(' ');
    // After the command name: state is field 3, utime 14 and stime 15 (1-based), here 11 and 12.
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
