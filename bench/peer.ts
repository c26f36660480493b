/**
 * The ledger beside a peer, Emmett's SQLite event store, and beside the physical limit (raw better-sqlite3), on the
 * same synthetic events in the same run: single-event commands, decision-sized batched appends, and a rebuild of
 * every projection over the log the batched appends wrote. Every figure is shown as a share of the limit and as a
 * ratio to the peer. The targets are reported, never asserted.
 *
 * Sizes: the batched appends write `events` events (BENCH_EVENTS in `npm run bench`); BENCH_COMMANDS single-event
 * commands (default 2,000: they are fsync-bound); Emmett's EventStore takes only BENCH_PEER_STORE_EVENTS events of the
 * batched workload (default 2,000: it writes a decision as hundreds of transactions, each opening the file).
 *
 * Run alone (after `npm run build`), in a temporary folder: node dist/bench/peer.js [events] [commands]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_PROJECTIONS } from '../projections';
import { linkedDataDir, Measured, measureInChild } from './measure-in-child';
import { AppendWorkload, measureBatchedAppends, measureSingleEventAppends, WriterName, WRITERS } from './peer-appends';
import { measurePeerInChild } from './peer-rebuild';
import { count, machine, percent, rate, table } from './report';

export interface PeerSizes {
  readonly events: number;
  readonly commands: number;
  readonly storeSample: number;
}

export interface RebuildResults {
  readonly rawScan: Measured;
  readonly usRead: Measured;
  readonly peerRead: Measured;
  readonly peerConsumer: Measured;
  readonly us: Measured;
  readonly peer: Measured;
}

export interface PeerResults {
  readonly sizes: PeerSizes;
  readonly single: AppendWorkload;
  readonly batched: AppendWorkload;
  readonly rebuild: RebuildResults;
}

export function sizesFromEnv(events: number): PeerSizes {
  const size = (name: string, fallback: number) => {
    const value = Number(process.env[name] ?? fallback);
    if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number of at least 1, got ${process.env[name]}`);
    return value;
  };
  // The peer appends and rebuilds at 2,000 to 4,000 events/s here: a million events would take it over ten minutes for
  // each workload, so the side-by-side log is capped (BENCH_PEER_EVENTS); both sides always run on the same log.
  const sideBySide = Math.min(events, size('BENCH_PEER_EVENTS', 200_000));
  return { events: sideBySide, commands: size('BENCH_COMMANDS', 2000), storeSample: Math.min(sideBySide, size('BENCH_PEER_STORE_EVENTS', 2000)) };
}

export async function measureWithPeer(dir: string, sizes: PeerSizes, say: (text: string) => void = () => {}): Promise<PeerResults> {
  say(`peer: ${count(sizes.commands)} single-event commands, raw, port and Emmett`);
  const single = await measureSingleEventAppends(dir, sizes.commands);
  say(`peer: ${count(sizes.events)} events in decisions of ~500, raw, port and Emmett (its EventStore: ${count(sizes.storeSample)})`);
  const { logs, ...batched } = await measureBatchedAppends(dir, sizes.events, sizes.storeSample);
  const all = ALL_PROJECTIONS.map((p) => p.name);
  say('peer: reading the logs back (raw scan, port, Emmett)');
  const rawScan = await measureInChild({ kind: 'scan', eventsFile: logs.raw });
  const usRead = await measurePeerInChild({ kind: 'port-read', file: logs.us });
  const peerRead = await measurePeerInChild({ kind: 'read', file: logs.peer });
  const peerConsumer = await measurePeerInChild({ kind: 'consume', file: logs.peer });
  say('peer: rebuilding every projection from the ledger and from Emmett');
  const us = await measureInChild({ kind: 'rebuild', dataDir: linkedDataDir(dir, logs.us), projections: all });
  const peer = await measurePeerInChild({ kind: 'consume', file: logs.peer, fold: { readFile: join(dir, 'rebuild-peer.sqlite') } });
  return { sizes, single, batched, rebuild: { rawScan, usRead, peerRead, peerConsumer, us, peer } };
}

const times = (part: number, whole: number): string => `${(part / whole).toFixed(2)}×`;
/** A share with one decimal below 10%: Emmett's EventStore on decisions is well under 1% of the limit. */
const share = (part: number, whole: number): string => (part < whole / 10 ? `${((100 * part) / whole).toFixed(1)}%` : percent(part, whole));

function appendTable(title: string, { results, peerStoreRetries }: AppendWorkload): string {
  const rows = (Object.keys(WRITERS) as WriterName[]).map((name) => {
    const r = results[name];
    // Ratios over the very same units of work: a writer that took a sample is compared on that sample.
    return [WRITERS[name], count(r.events), r.seconds.toFixed(2), rate(r.events, r.seconds), share(r.referenceSeconds.raw, r.seconds), times(r.seconds, r.referenceSeconds.us)];
  });
  const retries = peerStoreRetries
    ? `\n(${count(peerStoreRetries)} call(s) of Emmett's EventStore refused at COMMIT, "SQL statements in progress", and tried again; Emmett prints each such error)`
    : '';
  return table([title, 'events', 'seconds', 'rate', 'of raw', 'us ÷ row'], rows) + retries;
}

function rebuildTable(r: RebuildResults): string {
  const row = (label: string, m: Measured, us?: Measured) => [
    label,
    count(m.events),
    m.seconds.toFixed(2),
    rate(m.events, m.seconds),
    share(m.eventsPerSecond, r.rawScan.eventsPerSecond),
    us ? times(us.eventsPerSecond, m.eventsPerSecond) : '',
    `${m.peakRssMb} MB`,
  ];
  const projections = `all ${ALL_PROJECTIONS.length} projections`;
  return table(
    ['read and rebuild, same log', 'events', 'seconds', 'rate', 'of raw scan', 'us ÷ row', 'peak RSS'],
    [
      row('raw scan: better-sqlite3 + JSON.parse', r.rawScan),
      row('EventStore port readAll, read only', r.usRead),
      row('Emmett readMessagesBatch, read only', r.peerRead, r.usRead),
      row('Emmett consumer, checkpoints, no fold', r.peerConsumer, r.usRead),
      row(`ledger rebuild, ${projections}`, r.us),
      row(`Emmett consumer folding ${projections}`, r.peer, r.us),
    ],
  );
}

export function peerReport({ sizes, single: singleWorkload, batched: batchedWorkload, rebuild }: PeerResults): string {
  const [single, batched] = [singleWorkload.results, batchedWorkload.results];
  return [
    `\nside by side with a peer, Emmett's SQLite event store (@event-driven-io/emmett-sqlite 0.38.5, node-sqlite3), and the raw limit;`,
    'every writer commits with journal_mode=WAL and synchronous=FULL (Emmett: SQLite defaults of its build, plus WAL)\n',
    appendTable(`single-event commands (${count(sizes.commands)}), one transaction each`, singleWorkload),
    '\n',
    appendTable('batched appends, decisions of ~500 events', batchedWorkload),
    [
      '\nA decision is one transaction for the limit, the port and Emmett on one connection (its per-stream appends',
      "nested in one withTransaction). Emmett's EventStore has no multi-stream append: a decision is one append per",
      "stream, each its own transaction, not atomic; it took the first decisions only, and its ratios are over those.",
      "Emmett keeps no unique index on event ids (the ledger's idempotency) and no hash chain; it writes a row per",
      'stream in a streams table and returns positions from each insert.\n',
    ].join('\n'),
    rebuildTable(rebuild),
    [
      "\nEvery row reads the log the batched appends wrote (the same events in each store). Emmett's rebuild is its",
      'consumer (pages of 10,000, a checkpoint stored after every message) folding the same projection definitions into',
      "the same SQLite read store through the ledger's runtime: what differs is Emmett's storage and reading of the log.",
    ].join('\n'),
    '\ntargets (reported, not asserted):',
    `  batched append ≥ 80% of raw inserts:  ${percent(batched.us.referenceSeconds.raw, batched.us.seconds)}`,
    `  append ≥ 2× the peer:  single-event ${times(single.peer.seconds, single.peer.referenceSeconds.us)} (EventStore ${times(single.peerStore.seconds, single.peerStore.referenceSeconds.us)}), batched ${times(batched.peer.seconds, batched.peer.referenceSeconds.us)} (EventStore ${times(batched.peerStore.seconds, batched.peerStore.referenceSeconds.us)})`,
    `  rebuild ≥ 2× the peer:  ${times(rebuild.us.eventsPerSecond, rebuild.peer.eventsPerSecond)}`,
  ].join('\n');
}

/** What `npm run bench` calls: measures with the sizes of the environment and prints the tables. */
export async function benchWithPeer(dir: string, events: number): Promise<void> {
  const results = await measureWithPeer(dir, sizesFromEnv(events), (text) => process.stderr.write(`bench: ${text}\n`));
  console.log(peerReport(results));
}

if (require.main === module) {
  const [events = 20_000, commands] = process.argv.slice(2).map(Number);
  if (commands) process.env.BENCH_COMMANDS = String(commands);
  const dir = mkdtempSync(join(tmpdir(), 'ledger-bench-peer-'));
  console.log(table(['', ''], machine()));
  benchWithPeer(dir, events)
    .catch((error: Error) => {
      console.error(error);
      process.exitCode = 1;
    })
    .finally(() => rmSync(dir, { recursive: true, force: true }));
}
