/**
 * End to end: decisions posted over HTTP to the real service (in a child process, on a fresh temporary data folder,
 * SQLite with synchronous=FULL as `npm start` runs it) by autocannon at 1, 8 and 32 connections, a fixed time each.
 *
 * Every request is a distinct, valid decision announcing one new procedure (its own number and code), so none is
 * answered from the idempotency record and none is refused: any non-2xx answer is counted and shown. One such
 * decision appends two events in one transaction (DecisionRecorded on the decision's stream, ProcedureAnnounced on
 * the procedure's), measured from the log head before and after each run.
 *
 * Alone, for development: `npm run build && node dist/bench/http-decisions.js`
 * (BENCH_HTTP_SECONDS, default 10; BENCH_HTTP_CONNECTIONS, default 1,8,32; BENCH_PROFILE_DIR to profile the service).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoadRequest, LoadResult, ms, refusals, runLoad } from './load';
import { count, machine, table } from './report';
import { BenchService, startService } from './service-process';

export interface HttpDecisionsOptions {
  readonly connections?: readonly number[];
  readonly seconds?: number;
}

export interface HttpDecisionRun extends LoadResult {
  /** CPU time per answer, in ms: of the service (projection catch-up included), and of the load generator. */
  readonly serviceCpuMs: number;
  /** Of the service's main thread alone (its projection worker left out), where the system tells it. */
  readonly mainThreadCpuMs?: number;
  readonly loadCpuMs: number;
  /** Events appended but not yet folded into every read model when the run ended. */
  readonly readModelLag: number;
}

/** The same load on the floor: a bare Fastify route (see ServiceOptions.bare). */
export interface HttpFloorRun extends LoadResult {
  readonly serverCpuMs: number;
}

export interface HttpDecisionsResult {
  readonly runs: readonly HttpDecisionRun[];
  readonly floor: readonly HttpFloorRun[];
  /** Events one decision appended, from the log head before and after a single request. */
  readonly eventsPerDecision: number;
  readonly synchronous: string;
}

export const TARGET = { connections: 32, requestsPerSecond: 3000, p99Ms: 25 };

/** A decision announcing one new procedure, numbered `serial`: valid, and unlike every other. */
export function decisionRequest(serial: number): LoadRequest {
  return {
    method: 'POST',
    path: '/decisions',
    body: JSON.stringify({
      decision: { number: `${serial}/QĐ-BENCH`, date: '2024-06-01', issuer: 'UBND tỉnh (benchmark)' },
      effectiveDate: '2024-06-15',
      items: [
        {
          kind: 'new',
          code: `BENCH.${String(serial).padStart(7, '0')}`,
          procedure: {
            name: `Thủ tục mẫu ${serial} (benchmark)`,
            level: 'province',
            field: 'Xây dựng',
            agency: 'Sở Xây dựng',
            statutoryDays: 20,
            announcedDays: 15.5,
            onlineLevel: 'partly',
            connectedToNationalPortal: true,
          },
        },
      ],
    }),
  };
}

export async function measureHttpDecisions(options: HttpDecisionsOptions = {}): Promise<HttpDecisionsResult> {
  const connections = options.connections ?? [1, 8, 32];
  const seconds = options.seconds ?? 10;
  const synchronous = process.env.LEDGER_SQLITE_SYNCHRONOUS ?? 'FULL';
  // One after the other, each with the machine to itself.
  const service = await measureService(connections, seconds);
  return { ...service, floor: await measureFloor(connections, seconds), synchronous };
}

async function measureService(connections: readonly number[], seconds: number): Promise<Pick<HttpDecisionsResult, 'runs' | 'eventsPerDecision'>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-bench-http-'));
  const service = await startService({ dataDir, label: 'http-decisions' });
  let serial = 0;
  const next = () => decisionRequest(++serial);
  try {
    // Warms the JIT, the statement caches and the file before anything is measured; its decisions stay in the log.
    await runLoad({ url: service.url, key: service.key, connections: 8, seconds: Math.min(3, seconds), next });
    await settled(service);
    const eventsPerDecision = await eventsOfOne(service, next());
    const runs: HttpDecisionRun[] = [];
    for (const c of connections) {
      await settled(service);
      const [serviceCpu, mainThreadCpu, loadCpu] = [await service.cpuMs(), await service.mainThreadCpuMs(), process.cpuUsage()];
      const load = await runLoad({ url: service.url, key: service.key, connections: c, seconds, next });
      const after = await health(service);
      // Taken before the read models settle: the catch-up still owed is left out, and shows as the lag.
      const serviceCpuMs = ((await service.cpuMs()) - serviceCpu) / load.requests;
      const mainThreadAfter = await service.mainThreadCpuMs();
      const { user, system } = process.cpuUsage(loadCpu);
      runs.push({
        ...load,
        serviceCpuMs,
        ...(mainThreadCpu !== undefined && mainThreadAfter !== undefined && { mainThreadCpuMs: (mainThreadAfter - mainThreadCpu) / load.requests }),
        loadCpuMs: (user + system) / 1000 / load.requests,
        readModelLag: after.logHead - after.checkpoint,
      });
    }
    return { runs, eventsPerDecision };
  } finally {
    await service.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The same decisions, the same connections, posted to the floor, with nothing else running. */
async function measureFloor(connections: readonly number[], seconds: number): Promise<HttpFloorRun[]> {
  const floor = await startService({ dataDir: tmpdir(), label: 'http-floor', bare: true });
  let serial = 0;
  const next = () => decisionRequest(++serial);
  try {
    await runLoad({ url: floor.url, key: floor.key, connections: 8, seconds: Math.min(3, seconds), next });
    const runs: HttpFloorRun[] = [];
    for (const c of connections) {
      const before = await floor.cpuMs();
      const load = await runLoad({ url: floor.url, key: floor.key, connections: c, seconds, next });
      runs.push({ ...load, serverCpuMs: ((await floor.cpuMs()) - before) / load.requests });
    }
    return runs;
  } finally {
    await floor.stop();
  }
}

export function printHttpDecisions({ runs, floor, eventsPerDecision, synchronous }: HttpDecisionsResult): void {
  console.log(
    `\nend to end: POST /decisions over HTTP (autocannon, ${runs[0]?.seconds.toFixed(0) ?? '?'} s a run), one new procedure each ` +
      `(${eventsPerDecision} events appended in one transaction), SQLite synchronous=${synchronous}; the service in a child process\n`,
  );
  console.log(
    table(
      ['connections', 'requests', 'req/s', 'p50 ms', 'p99 ms', 'max ms', 'non-2xx', 'errors', 'service CPU ms/req', 'main thread ms/req', 'service CPU', 'load gen CPU', 'read models behind'],
      runs.map((r) => [
        String(r.connections),
        count(r.requests),
        count(Math.round(r.requestsPerSecond)),
        ms(r.p50),
        ms(r.p99),
        ms(r.max),
        refusals(r),
        String(r.errors),
        r.serviceCpuMs.toFixed(2),
        r.mainThreadCpuMs?.toFixed(2) ?? '-',
        core(r.serviceCpuMs, r.requestsPerSecond),
        core(r.loadCpuMs, r.requestsPerSecond),
        count(r.readModelLag),
      ]),
    ),
  );
  console.log(
    'CPU: time used per answer, and as a share of one core over the run; the main thread serves the requests and ' +
      'commits, a worker thread folds the read models (LEDGER_PROJECTION_WORKER). A main thread that is the bottleneck ' +
      'and uses well under 100% of a core is waiting: on fsync (synchronous=FULL holds it), or for a core when other ' +
      'work shares the machine (see the load average above).',
  );
  console.log(
    '\nthe floor: the same decisions posted to a bare Fastify route that parses the body and answers 201 ' +
      '(no Nest, no guard, no validation, no write), in a child process of its own; the service as a share of it\n',
  );
  console.log(
    table(
      ['connections', 'req/s', 'p50 ms', 'p99 ms', 'non-2xx', 'server CPU ms/req', 'service req/s, share of floor', 'service CPU per request, × floor'],
      floor.map((f) => {
        const service = runs.find((r) => r.connections === f.connections);
        return [
          String(f.connections),
          count(Math.round(f.requestsPerSecond)),
          ms(f.p50),
          ms(f.p99),
          refusals(f),
          f.serverCpuMs.toFixed(3),
          service ? `${Math.round((100 * service.requestsPerSecond) / f.requestsPerSecond)}%` : '-',
          service ? `${(service.serviceCpuMs / f.serverCpuMs).toFixed(1)}×` : '-',
        ];
      }),
    ),
  );
  const at = runs.find((r) => r.connections === TARGET.connections);
  const floorAt = floor.find((f) => f.connections === TARGET.connections);
  if (at) {
    const met = at.requestsPerSecond >= TARGET.requestsPerSecond && at.p99 < TARGET.p99Ms;
    console.log(
      `target at ${TARGET.connections} connections: ≥${count(TARGET.requestsPerSecond)} req/s with p99 < ${TARGET.p99Ms} ms: ` +
        `${met ? 'met' : 'not met'} (${count(Math.round(at.requestsPerSecond))} req/s, p99 ${ms(at.p99)} ms); the load generator shares the machine's cores` +
        (floorAt ? `; the floor itself: ${count(Math.round(floorAt.requestsPerSecond))} req/s, p99 ${ms(floorAt.p99)} ms` : ''),
    );
  }
}

/** CPU time per request times requests per second: the share of one core used. */
const core = (msPerRequest: number, requestsPerSecond: number): string => `${Math.round((msPerRequest * requestsPerSecond) / 10)}%`;

interface Health {
  readonly logHead: number;
  /** The lowest checkpoint of the read models. */
  readonly checkpoint: number;
}

async function health(service: BenchService): Promise<Health> {
  const body = (await (await fetch(`${service.url}/health`)).json()) as { logHead: number; projections: Array<{ checkpoint: number }> };
  return { logHead: body.logHead, checkpoint: Math.min(...body.projections.map((p) => p.checkpoint)) };
}

/** Posts one decision alone and counts the events it appended. */
async function eventsOfOne(service: BenchService, request: LoadRequest): Promise<number> {
  const before = await health(service);
  const response = await fetch(`${service.url}${request.path}`, {
    method: request.method,
    headers: { authorization: `Bearer ${service.key}`, 'content-type': 'application/json' },
    body: request.body,
  });
  if (response.status !== 201) throw new Error(`a single decision answered ${response.status}: ${await response.text()}`);
  return (await health(service)).logHead - before.logHead;
}

/** Waits until the read models have folded the whole log, so that a run does not pay for the one before it. */
async function settled(service: BenchService, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    const { logHead, checkpoint } = await health(service);
    if (checkpoint >= logHead) return;
    if (Date.now() - started > timeoutMs) throw new Error(`read models still behind (${checkpoint} of ${logHead}) after ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

if (require.main === module) {
  const seconds = Number(process.env.BENCH_HTTP_SECONDS ?? 10);
  const connections = (process.env.BENCH_HTTP_CONNECTIONS ?? '1,8,32').split(',').map(Number);
  console.log(table(['', ''], machine()));
  measureHttpDecisions({ seconds, connections })
    .then(printHttpDecisions)
    .catch((error: Error) => {
      console.error(error);
      process.exitCode = 1;
    });
}
