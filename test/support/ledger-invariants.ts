import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_PROJECTIONS } from '../../projections';
import { READ_STORE_FILE_NAME } from '../../src/config/open-read-store';
import { RecordedEvent } from '../../src/core/event-envelope';
import { EventStore } from '../../src/core/event-store/event-store.port';
import { SqliteReadStore } from '../../src/core/projection/read-store';
import { rebuildProjections } from '../../src/core/projection/rebuild';
import { CrashClient, SentWrite } from './crash-workload';

export interface LogCheck {
  /** Everything found wrong, in words; empty when the log is whole. */
  readonly problems: string[];
  readonly eventCount: number;
  /** In-flight writes the log holds whole (the service died after committing, before answering). */
  readonly appliedInFlight: number;
}

/**
 * What the log must be after any crash, given what the client sent: positions 1…n without a gap, event ids unique,
 * each stream's revisions 0…k, every event written by a write the client sent, every acknowledged write present
 * once, whole, where its answer said, and every write the service died on present whole or not at all.
 */
export async function checkLog(store: EventStore, client: CrashClient): Promise<LogCheck> {
  const events = await store.readAll();
  const problems: string[] = [];
  events.forEach((event, i) => event.position !== i + 1 && problems.push(`position ${event.position} where ${i + 1} was due`));
  if (new Set(events.map((e) => e.id)).size !== events.length) problems.push('an event id is stored twice');
  const byStream = groupBy(events, (e) => e.streamId);
  for (const [streamId, stream] of byStream) {
    if (stream.some((e, i) => e.revision !== i)) problems.push(`stream ${streamId} has revisions ${stream.map((e) => e.revision).join(',')}`);
  }

  const byKey = groupBy(events, (e) => e.metadata.idempotency?.key ?? '(none)');
  const sent = new Map<string, SentWrite>([...client.acknowledged, ...client.refused].map((a) => [a.write.idempotencyKey, a.write]));
  client.inFlight.forEach((write, key) => sent.set(key, write));
  for (const [key, written] of byKey) if (!sent.has(key)) problems.push(`${written.length} events written by no write the client sent (key ${key})`);

  const streamsOf = (key: string) => (byKey.get(key) ?? []).map((e) => e.streamId).sort();
  const whole = (write: SentWrite) => sameList(streamsOf(write.idempotencyKey), [...write.streams].sort());
  for (const { write, body } of client.acknowledged) {
    if (!whole(write)) problems.push(`acknowledged ${write.path} (${write.idempotencyKey}) has events in ${streamsOf(write.idempotencyKey).length} of ${write.streams.length} streams`);
    const position = typeof body?.position === 'number' ? body.position : undefined;
    if (position !== undefined && events[position - 1]?.metadata.idempotency?.key !== write.idempotencyKey) {
      problems.push(`acknowledged ${write.path} (${write.idempotencyKey}) is not at position ${position} it was answered with`);
    }
  }
  for (const { write } of client.refused) if (byKey.has(write.idempotencyKey)) problems.push(`refused ${write.path} (${write.idempotencyKey}) left events`);
  let appliedInFlight = 0;
  for (const write of client.inFlight.values()) {
    if (!byKey.has(write.idempotencyKey)) continue;
    if (whole(write)) appliedInFlight += 1;
    else problems.push(`in-flight ${write.path} (${write.idempotencyKey}) is half applied: ${streamsOf(write.idempotencyKey).length} of ${write.streams.length} streams`);
  }
  return { problems, eventCount: events.length, appliedInFlight };
}

export type ReadModelDump = Record<string, unknown[]>;

/** Every document of every projection's live generation, in id order. */
export function dumpReadModels(readStore: SqliteReadStore): ReadModelDump {
  return Object.fromEntries(
    ALL_PROJECTIONS.map((projection) => {
      const status = readStore.status(projection.name);
      return [projection.name, status ? [...readStore.documents(projection, status.generation)] : []];
    }),
  );
}

/** The service's read models, as it resumed them after a crash, beside the same read models rebuilt from scratch. */
export async function liveAndRebuiltReadModels(store: EventStore, dataDir: string, scratchFile: string): Promise<{ live: ReadModelDump; rebuilt: ReadModelDump }> {
  const liveStore = new SqliteReadStore(join(dataDir, READ_STORE_FILE_NAME));
  const fresh = new SqliteReadStore(scratchFile);
  try {
    const live = dumpReadModels(liveStore);
    await rebuildProjections(store, fresh, ALL_PROJECTIONS);
    return { live, rebuilt: dumpReadModels(fresh) };
  } finally {
    liveStore.close();
    fresh.close();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${scratchFile}${suffix}`, { force: true });
  }
}

function groupBy(events: readonly RecordedEvent[], keyOf: (event: RecordedEvent) => string): Map<string, RecordedEvent[]> {
  const groups = new Map<string, RecordedEvent[]>();
  for (const event of events) {
    const key = keyOf(event);
    const group = groups.get(key);
    if (group) group.push(event);
    else groups.set(key, [event]);
  }
  return groups;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
