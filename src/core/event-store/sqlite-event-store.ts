import Database from 'better-sqlite3';
import { Observable, Subject } from 'rxjs';
import { RecordedEvent } from '../event-envelope';
import { UnavailableError } from '../errors/ledger-errors';
import { assertWellFormed, checkExpectedRevision, findReplay, NO_STREAM_REVISION, recordedAtOf } from './append-rules';
import { catchUpSubscription } from './catch-up-subscription';
import { GroupCommit, MemberOutcome } from './group-commit';
import { StreamRevisionRow, StreamRevisions } from './stream-revisions';
import { eventHash, eventHashAt, GENESIS_HASH } from '../ledger-hash/event-hash';
import { LedgerIntegrity } from '../ledger-hash/integrity';
import { EventRow, SqliteIntegrity, toStoredText } from './sqlite-integrity';
import { isStorageFault } from './sqlite-storage-faults';
import { streamTextOf } from '../ledger-hash/stream-chain';
import {
  AppendResult,
  EventStore,
  EventStoreStats,
  ReadAllOptions,
  ReadByStreamOptions,
  ReadStreamOptions,
  StreamAppend,
} from './event-store.port';

export interface SqliteEventStoreOptions {
  /** Path of the database file; `:memory:` for a private in-memory database. */
  readonly file: string;
  /**
   * FULL (default) syncs the WAL on every commit, so an acknowledged event survives a power cut;
   * NORMAL survives a process crash only, and is faster.
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
  /** How often subscriptions look for events appended by another connection sharing the file (the CLI, a worker). */
  readonly pollIntervalMs?: number;
}

const SCHEMA_VERSION = 2;

// Positions are SQLite rowids without AUTOINCREMENT: a new row takes max+1 inside the write lock, and a
// rolled-back transaction leaves no hole, so positions stay gap-free. The triggers make the log append-only.
const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position       INTEGER PRIMARY KEY,
  event_id       TEXT    NOT NULL,
  stream_id      TEXT    NOT NULL,
  revision       INTEGER NOT NULL,
  type           TEXT    NOT NULL,
  schema_version INTEGER NOT NULL,
  data           TEXT    NOT NULL,
  metadata       TEXT    NOT NULL,
  recorded_at    TEXT    NOT NULL,
  hash           TEXT    NOT NULL
);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_id ON events(event_id);
CREATE UNIQUE INDEX IF NOT EXISTS events_by_stream ON events(stream_id, revision);
`;

// Guards against mistakes, not against an attacker with the file: the hash chain is what detects tampering.
const IMMUTABILITY = `
CREATE TRIGGER IF NOT EXISTS events_are_immutable BEFORE UPDATE ON events
  BEGIN SELECT RAISE(ABORT, 'events are immutable'); END;
CREATE TRIGGER IF NOT EXISTS events_are_never_deleted BEFORE DELETE ON events
  BEGIN SELECT RAISE(ABORT, 'events are never deleted'); END;
`;

/** The columns a reader needs, in the order of `fromColumns`: the hash is for the integrity check alone. */
export const RECORD_COLUMNS = 'position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at';

/**
 * A row of RECORD_COLUMNS read as an array: better-sqlite3 builds an array per row faster than an object with named
 * keys, and reading the whole log (a rebuild) spends a good part of its time there.
 */
export type RecordRow = [number, string, string, number, string, number, string, string, string];

/** The length of a row's data and metadata, as stored JSON text. */
const jsonLengthOf = (row: RecordRow): number => row[6].length + row[7].length;

const fromColumns = ([position, id, streamId, revision, type, schemaVersion, data, metadata, recordedAt]: RecordRow): RecordedEvent => ({
  id,
  type,
  schemaVersion,
  streamId,
  revision,
  position,
  recordedAt,
  data: JSON.parse(data),
  metadata: JSON.parse(metadata),
});

/** The members of one group commit: each the appends of one call of appendToStreams. */
type AppendGroup = ReadonlyArray<readonly StreamAppend[]>;

/** The embedded default: one file, WAL journal, durable on acknowledgement; appends that arrive together share a commit. */
export class SqliteEventStore implements EventStore {
  readonly supportsMultiStreamAppend = true;
  readonly positionsAreGapFree = true;
  readonly eventIdsUniqueAcrossStreams = true;
  readonly integrity: LedgerIntegrity;
  private readonly db: Database.Database;
  private readonly appended$ = new Subject<void>();
  private readonly pollIntervalMs: number;
  private readonly sql;
  private readonly streamRevisions = new StreamRevisions();
  private readonly commits = new GroupCommit((group: AppendGroup) => this.commitGroup(group), () => this.appended$.next());
  /**
   * The transactions of commitGroup, made once: better-sqlite3 builds four wrappers for every transaction function it
   * makes, which cost about a tenth of a single-event append's CPU when made per call.
   */
  private readonly writeGroupWhole: Database.Transaction<(group: AppendGroup) => Array<MemberOutcome<AppendResult[]>>>;
  private readonly writeGroupMemberByMember: Database.Transaction<(group: AppendGroup) => Array<MemberOutcome<AppendResult[]>>>;
  private readonly writeMember: Database.Transaction<(appends: readonly StreamAppend[]) => AppendResult[]>;

  constructor(options: SqliteEventStoreOptions) {
    this.db = new Database(options.file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(`synchronous = ${options.synchronous ?? 'FULL'}`);
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
    this.integrity = new SqliteIntegrity(this.db);
    this.pollIntervalMs = options.pollIntervalMs ?? 500;
    this.sql = {
      head: this.db.prepare<[], { position: number; recorded_at: string; hash: string }>(
        'SELECT position, recorded_at, hash FROM events ORDER BY position DESC LIMIT 1',
      ),
      revision: this.db.prepare<[string], { revision: number | null }>(
        'SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?',
      ),
      revisionsAfter: this.db.prepare<[number], StreamRevisionRow>(
        'SELECT stream_id AS streamId, revision FROM events WHERE position > ? ORDER BY position',
      ),
      byId: this.db.prepare<[string], RecordRow>(`SELECT ${RECORD_COLUMNS} FROM events WHERE event_id = ?`).raw(true),
      // Whole streams (what every command reads) without a LIMIT: a bound LIMIT made a read of a short stream about four
      // times slower (17 µs against 4 µs for an empty one), whatever its value.
      stream: this.db.prepare<[string, number], RecordRow>(`SELECT ${RECORD_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision`).raw(true),
      streamPage: this.db
        .prepare<[string, number, number], RecordRow>(`SELECT ${RECORD_COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT ?`)
        .raw(true),
      all: this.db.prepare<[number, number], RecordRow>(`SELECT ${RECORD_COLUMNS} FROM events WHERE position >= ? ORDER BY position LIMIT ?`).raw(true),
      // A row value seeks the (stream, revision) index to the page's start: each page costs its own rows only.
      byStream: this.db
        .prepare<[string, number, number, number], RecordRow>(
          `SELECT ${RECORD_COLUMNS} FROM events WHERE (stream_id, revision) > (?, ?) AND position <= ? ORDER BY stream_id, revision LIMIT ?`,
        )
        .raw(true),
      insert: this.db.prepare(
        `INSERT INTO events (position, event_id, stream_id, revision, type, schema_version, data, metadata, recorded_at, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      counts: this.db.prepare<[], { events: number; streams: number; last: number | null }>(
        `SELECT (SELECT COUNT(*) FROM events) AS events,
                (SELECT COUNT(*) FROM (SELECT DISTINCT stream_id FROM events)) AS streams,
                (SELECT MAX(position) FROM events) AS last`,
      ),
    };
    this.writeGroupWhole = this.db.transaction((group: AppendGroup) =>
      group.map((appends): MemberOutcome<AppendResult[]> => ({ ok: true, result: this.write(appends) })),
    );
    this.writeGroupMemberByMember = this.db.transaction((group: AppendGroup) => group.map((appends) => this.writeOne(appends)));
    this.writeMember = this.db.transaction((appends: readonly StreamAppend[]) => this.write(appends));
  }

  async appendToStream(append: StreamAppend): Promise<AppendResult> {
    const [result] = await this.appendToStreams([append]);
    return result;
  }

  async appendToStreams(appends: readonly StreamAppend[]): Promise<AppendResult[]> {
    assertWellFormed(appends);
    return this.commits.submit(appends);
  }

  /**
   * One transaction for a group of appends (see GroupCommit). Refusals are rare, so the group is first written whole
   * with no savepoint: a savepoint makes SQLite copy every page its member changes, a tenth of a batched append's time.
   * Only when a member is refused is all of it rolled back and written again, each member in a savepoint of its own,
   * so that the refusal rolls back that member alone.
   */
  private commitGroup(group: AppendGroup): Array<MemberOutcome<AppendResult[]>> {
    try {
      return this.writeGroupWhole.immediate(group);
    } catch (error) {
      this.streamRevisions.forget();
      const code = (error as { code?: string }).code;
      if (code && isStorageFault(code)) throw this.translate(error);
    }
    try {
      return this.writeGroupMemberByMember.immediate(group);
    } catch (error) {
      this.streamRevisions.forget();
      throw this.translate(error);
    }
  }

  private writeOne(appends: readonly StreamAppend[]): MemberOutcome<AppendResult[]> {
    try {
      // A nested transaction is a savepoint: a refusal rolls back this append alone.
      return { ok: true, result: this.writeMember(appends) };
    } catch (error) {
      this.streamRevisions.forget();
      // A fault of the disk (or SQLite ending the transaction itself) fails the whole group: nothing of it is kept.
      const code = (error as { code?: string }).code;
      if (!this.db.inTransaction || (code && isStorageFault(code))) throw error;
      return this.replayOrRefusal(appends, error);
    }
  }

  /** The fast path writes without looking up ids first; only a refusal asks whether this was a retry. */
  private replayOrRefusal(appends: readonly StreamAppend[], refusal: unknown): MemberOutcome<AppendResult[]> {
    try {
      const replay = this.isRetryCandidate(refusal) ? this.findStoredReplay(appends) : undefined;
      return replay ? { ok: true, result: replay } : { ok: false, error: refusal };
    } catch (error) {
      return { ok: false, error };
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const from = options.fromRevision ?? 0;
    const rows = options.maxCount === undefined ? this.sql.stream.all(streamId, from) : this.sql.streamPage.all(streamId, from, options.maxCount);
    return rows.map(fromColumns);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    return this.sql.all.all(Math.max(1, options.fromPosition ?? 1), options.maxCount ?? -1).map(fromColumns);
  }

  async readAllByStream({ upToPosition, after, maxCount, maxJsonLength = Infinity }: ReadByStreamOptions): Promise<RecordedEvent[]> {
    const events: RecordedEvent[] = [];
    let jsonLength = 0;
    for (const row of this.sql.byStream.iterate(after?.streamId ?? '', after?.revision ?? -1, upToPosition, maxCount)) {
      events.push(fromColumns(row));
      jsonLength += jsonLengthOf(row);
      // Leaving the loop resets the statement: the rows beyond are never read.
      if (jsonLength >= maxJsonLength) break;
    }
    return events;
  }

  subscribeToAll(options: { fromPosition?: number } = {}): Observable<RecordedEvent> {
    return catchUpSubscription(
      {
        readPage: (fromPosition, maxCount) => this.readAll({ fromPosition, maxCount }),
        appended$: this.appended$,
        pollIntervalMs: this.pollIntervalMs,
      },
      options.fromPosition,
    );
  }

  async headPosition(): Promise<number> {
    return this.sql.head.get()?.position ?? 0;
  }

  async stats(): Promise<EventStoreStats> {
    const row = this.sql.counts.get()!;
    return { eventCount: row.events, streamCount: row.streams, lastPosition: row.last ?? 0 };
  }

  async close(): Promise<void> {
    this.appended$.complete();
    if (this.db.open) this.db.close();
  }

  private write(appends: readonly StreamAppend[]): AppendResult[] {
    const head = this.sql.head.get();
    this.streamRevisions.syncTo(head?.position ?? 0, (position) => this.sql.revisionsAfter.iterate(position));
    const current = appends.map((a) => this.revisionOf(a.streamId));
    appends.forEach((a, i) => checkExpectedRevision(a.streamId, a.expectedRevision, current[i]));
    let position = head?.position ?? 0;
    let previousHash = head?.hash ?? GENESIS_HASH;
    // One moment for the whole call, so that the events of a decision are all known from the same instant on.
    const now = new Date();
    let lastRecordedAt = head?.recorded_at;
    return appends.map((a, i) => {
      const recordedAt = (lastRecordedAt = recordedAtOf(a, lastRecordedAt, now));
      let revision = current[i];
      const events = a.events.map((event): RecordedEvent => {
        position += 1;
        revision += 1;
        const text = streamTextOf(event, a.streamId, revision, recordedAt);
        previousHash = eventHashAt(previousHash, position, text);
        this.sql.insert.run(position, event.id, a.streamId, revision, event.type, event.schemaVersion, text.data, text.metadata, recordedAt, previousHash);
        // Spelled out rather than spread: copying objects by spreading them was a tenth of a batched append's time.
        const { id, type, schemaVersion, data, metadata } = event;
        return { id, type, schemaVersion, data, metadata, streamId: a.streamId, revision, position, recordedAt };
      });
      this.streamRevisions.wrote(a.streamId, revision, position);
      return { streamId: a.streamId, nextExpectedRevision: revision, events, duplicate: false };
    });
  }

  private revisionOf(streamId: string): number {
    return this.streamRevisions.revisionOf(streamId, (id) => this.sql.revision.get(id)?.revision ?? NO_STREAM_REVISION);
  }

  private isRetryCandidate(error: unknown): boolean {
    const code = (error as { code?: string }).code;
    return (error as Error).name === 'ConcurrencyError' || code === 'SQLITE_CONSTRAINT_UNIQUE';
  }

  private findStoredReplay(appends: readonly StreamAppend[]): AppendResult[] | undefined {
    return findReplay(
      appends,
      (id) => {
        const row = this.sql.byId.get(id);
        return row ? fromColumns(row) : undefined;
      },
      (streamId) => this.revisionOf(streamId),
    );
  }

  private translate(error: unknown): unknown {
    const code = (error as { code?: string }).code;
    if (code && isStorageFault(code)) {
      return new UnavailableError(`the event store cannot write (${code}): ${(error as Error).message}`);
    }
    return error;
  }

  /**
   * Brings the file to the current schema. Another process (the service, a CLI command, a rebuild worker) may open
   * the same file at the same moment: a file already current is only read, and a migration takes the write lock
   * first (BEGIN IMMEDIATE, which waits out the busy timeout) and reads the version again under it. A deferred
   * transaction would take the lock only at its first write, and fail at once with SQLITE_BUSY_SNAPSHOT if another
   * process had written since it began.
   */
  private migrate(): void {
    const version = () => this.db.pragma('user_version', { simple: true }) as number;
    const refuseNewer = (found: number) => {
      if (found > SCHEMA_VERSION) throw new Error(`the event store file was written by a newer ledger (schema ${found} > ${SCHEMA_VERSION})`);
    };
    const current = version();
    refuseNewer(current);
    if (current === SCHEMA_VERSION) return;
    this.db
      .transaction(() => {
        const found = version();
        refuseNewer(found);
        if (found === SCHEMA_VERSION) return;
        this.db.exec(SCHEMA);
        if (found === 1) this.addHashChain();
        this.db.exec(IMMUTABILITY);
        this.db.pragma(`user_version = ${SCHEMA_VERSION}`);
      })
      .immediate();
  }

  /** Schema 1 had no hashes: chain the existing events once, in log order, before anything else is written. */
  private addHashChain(): void {
    this.db.exec('DROP TRIGGER IF EXISTS events_are_immutable; ALTER TABLE events ADD COLUMN hash TEXT');
    const update = this.db.prepare('UPDATE events SET hash = ? WHERE position = ?');
    let previous = GENESIS_HASH;
    for (const row of this.db.prepare<[], EventRow>('SELECT * FROM events ORDER BY position').all()) {
      previous = eventHash(previous, toStoredText(row));
      update.run(previous, row.position);
    }
  }
}
