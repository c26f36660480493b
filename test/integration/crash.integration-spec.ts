import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/run-cli';
import { SQLITE_FILE_NAME } from '../../src/config/ledger-config';
import { SqliteEventStore } from '../../src/core/event-store/sqlite-event-store';
import { LedgerProofs } from '../../src/ledger/ledger-proofs.service';
import { CrashClient, Severed } from '../support/crash-workload';
import { checkLog, liveAndRebuiltReadModels } from '../support/ledger-invariants';
import { mulberry32 } from '../../src/synthetic/mulberry32';
import { ServiceProcess, startServiceProcess } from '../support/service-process';

/**
 * The real service in a process of its own, writing a large decision and a stream of cuts and small decisions, is
 * killed with SIGKILL at points a seeded generator picks; after each restart on the same data folder the log and
 * the read models are checked against everything the client sent and was told.
 *
 * Two lanes (two services, two folders) run side by side, so that the restarts use both cores.
 */
const SEED = 20_220_601;
const LANES = 2;
const KILLS_PER_LANE = 10;
/** Most requests one cycle sends besides its big decision; the kill normally comes long before. */
const MAX_STEPS_PER_CYCLE = 400;

interface LaneReport {
  readonly kills: number;
  readonly events: number;
  readonly bigDecisionsInFlight: number;
  readonly inFlightFoundApplied: number;
}

describe('a service killed with SIGKILL at random points', () => {
  let root: string;
  beforeAll(() => void (root = mkdtempSync(join(tmpdir(), 'ledger-crash-'))));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it(`loses no acknowledged write, half-applies nothing, duplicates nothing, and resumes its read models (${LANES * KILLS_PER_LANE} kills)`, async () => {
    const reports = await Promise.all(Array.from({ length: LANES }, (_, lane) => runLane(root, lane)));
    const total = reports.reduce((sum, r) => ({ kills: sum.kills + r.kills, big: sum.big + r.bigDecisionsInFlight, applied: sum.applied + r.inFlightFoundApplied }), { kills: 0, big: 0, applied: 0 });
    expect(total.kills).toBeGreaterThanOrEqual(20);
    console.info(
      `crash test: ${total.kills} kills, ${reports.map((r) => r.events).join(' + ')} events; ` +
        `${total.big} kills with a big decision in flight; ${total.applied} in-flight writes found applied after the restart`,
    );
  }, 300_000);
});

async function runLane(root: string, lane: number): Promise<LaneReport> {
  const random = mulberry32(SEED + lane);
  const dataDir = join(root, `lane-${lane}`);
  const swcCache = join(root, 'swc-cache');
  const client = new CrashClient(lane);
  let service = await startServiceProcess(dataDir, swcCache);
  const store = new SqliteEventStore({ file: join(dataDir, SQLITE_FILE_NAME) });
  const report = { kills: 0, events: 0, bigDecisionsInFlight: 0, inFlightFoundApplied: 0 };
  try {
    for (let cycle = 0; cycle < KILLS_PER_LANE; cycle++) {
      const big = client.bigDecision(cycle, 300 + Math.floor(random() * 201));
      // Half the kills come while the big decision is likely still being decided or committed, half later on.
      const killAfterMs = random() < 0.5 ? random() * 400 : random() * 1500;
      await Promise.all([
        writeUntilSevered(service, client, cycle, big, random),
        new Promise((resolve) => setTimeout(resolve, killAfterMs)).then(() => service.kill()),
      ]);
      report.kills += 1;
      if (client.inFlight.has(big.idempotencyKey)) report.bigDecisionsInFlight += 1;

      service = await startServiceProcess(dataDir, swcCache);
      const afterCrash = await checkLog(store, client);
      expect(afterCrash.problems).toEqual([]);
      report.inFlightFoundApplied += afterCrash.appliedInFlight;

      // A client that got no answer sends the same request again with the same key: it is applied exactly once.
      for (const write of [...client.inFlight.values()]) {
        const retried = await client.send(service, write);
        expect([write.path, retried.status]).toEqual([write.path, 201]);
      }
      expect(client.refused).toEqual([]);
      const afterRetries = await checkLog(store, client);
      expect(afterRetries.problems).toEqual([]);
      report.events = afterRetries.eventCount;

      const verified = await new LedgerProofs(store).verify();
      expect(verified).toMatchObject({ ok: true, checked: afterRetries.eventCount });
      expect(await ledgerVerify(dataDir)).toBe(0);

      await untilReadModelsCaughtUp(service, afterRetries.eventCount);
      const { live, rebuilt } = await liveAndRebuiltReadModels(store, dataDir, join(root, `rebuild-${lane}.sqlite`));
      // Compared as text first: a deep equality over thousands of documents is slow, and only a mismatch needs its diff.
      if (JSON.stringify(live) !== JSON.stringify(rebuilt)) expect(live).toEqual(rebuilt);
    }
  } finally {
    await service.kill();
    await store.close();
  }
  return report;
}

/** The big decision, and beside it a stream of cuts and small decisions, until the service dies or the cycle's steps run out. */
async function writeUntilSevered(service: ServiceProcess, client: CrashClient, cycle: number, big: ReturnType<CrashClient['bigDecision']>, random: () => number): Promise<void> {
  const stream = async () => {
    for (let step = 0; step < MAX_STEPS_PER_CYCLE; step++) {
      const cuttable = client.cuttable();
      const write = cuttable.length > 0 && random() < 0.6
        ? client.cut(cuttable[Math.floor(random() * cuttable.length)])
        : client.smallDecision(cycle, step, 1 + Math.floor(random() * 3));
      await client.send(service, write);
    }
  };
  const severedIsExpected = (error: unknown) => {
    if (!(error instanceof Severed)) throw error;
  };
  await Promise.all([client.send(service, big).catch(severedIsExpected), stream().catch(severedIsExpected)]);
}

/** `ledger verify`, as an operator runs it on the data folder. */
async function ledgerVerify(dataDir: string): Promise<number> {
  const lines: string[] = [];
  return runCli(['verify', '--data-dir', dataDir], { out: (l) => lines.push(l), err: (l) => lines.push(l) });
}

/** Waits (a bounded number of polls) until /health shows every read model at the log head, none stopped. */
async function untilReadModelsCaughtUp(service: ServiceProcess, head: number): Promise<void> {
  let health: { logHead: number; projections: Array<{ name: string; checkpoint: number; error?: string }> } | undefined;
  for (let poll = 0; poll < 1000; poll++) {
    health = (await (await fetch(`${service.url}/health`)).json()) as typeof health;
    if (health!.projections.some((p) => p.error)) break;
    if (health!.logHead === head && health!.projections.every((p) => p.checkpoint >= head)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`read models did not resume up to ${head}: ${JSON.stringify(health)}`);
}
