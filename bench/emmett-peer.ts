/**
 * The peer of the benchmark: Emmett's SQLite event store (@event-driven-io/emmett-sqlite), fed the same synthetic
 * events as the ledger, and read back into the ledger's own event shape so the same projections can fold them.
 *
 * Two ways in, both Emmett's public API:
 * - its EventStore (`getSQLiteEventStore`), what an application is meant to use. For a file it opens the database,
 *   runs the call and closes the database again on every call (0.38.5's `withConnection`); closing the last
 *   connection of a WAL database checkpoints the WAL into the main file and deletes it.
 * - its exported `appendToStream(connection, …)` on one connection kept open, the function the EventStore calls
 *   inside. Its connection's `withTransaction` nests (only the outermost call begins and commits), which is the only
 *   way to append to several streams in one transaction: the EventStore appends to one stream per call.
 *
 * Both keep SQLite's defaults apart from WAL: node-sqlite3's build has synchronous=FULL (2) for WAL, like the ledger.
 */
import { Event, ExpectedStreamVersion, NO_CONCURRENCY_CHECK, ReadEvent, ReadEventMetadataWithGlobalPosition, STREAM_EXISTS } from '@event-driven-io/emmett';
import { appendToStream, createEventStoreSchema, getSQLiteEventStore, SQLiteConnection, sqliteConnection, SQLiteEventStore } from '@event-driven-io/emmett-sqlite';
import { EventMetadata, RecordedEvent } from '../src/core/event-envelope';
import { ExpectedRevision, StreamAppend } from '../src/core/event-store/event-store.port';

/**
 * What the ledger's envelope keeps outside its metadata travels in Emmett's metadata: the event id as Emmett's own
 * `messageId` (so Emmett does not draw a UUID of its own), the schema version (Emmett's schema version column holds
 * the stream's version before the append) and the time of recording (Emmett stamps a `created` column but does not
 * read it back). Emmett adds `streamName` and `streamPosition` to the stored metadata itself.
 */
// Record<string, unknown> first: Emmett wants metadata with an index signature, which an interface does not have.
type PeerMetadata = Record<string, unknown> & EventMetadata & { readonly messageId: string; readonly schemaVersion: number; readonly recordedAt: string };
export type PeerEvent = Event<string, Record<string, unknown>, PeerMetadata>;
export type PeerReadEvent = ReadEvent<PeerEvent, ReadEventMetadataWithGlobalPosition>;

/** Emmett counts a stream's events (its version is 0 before the first); the ledger numbers them from 0. */
export function expectedVersion(expected: ExpectedRevision): ExpectedStreamVersion {
  if (expected === 'any') return NO_CONCURRENCY_CHECK;
  // Emmett 0.38.5 turns STREAM_DOES_NOT_EXIST into "no check"; version 0 is checked (the stream row must be new).
  if (expected === 'no_stream') return 0n;
  if (expected === 'stream_exists') return STREAM_EXISTS;
  return BigInt(expected + 1);
}

/** The EventStore derives a stream's type from its name the same way. */
const streamTypeOf = (streamId: string): string => {
  const dash = streamId.indexOf('-');
  return dash > 0 ? streamId.slice(0, dash) : 'emt:unknown';
};

const toPeerEvents = (append: StreamAppend, recordedAt: string): PeerEvent[] =>
  append.events.map((event) => ({
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: { ...event.metadata, messageId: event.id, schemaVersion: event.schemaVersion, recordedAt },
  }));

/** Emmett's EventStore over a file: one call per stream, each its own transaction and its own open and close. */
export class PeerStore {
  private readonly store: SQLiteEventStore;
  /** Calls refused at COMMIT and tried again: see `append`. */
  retries = 0;

  constructor(file: string) {
    this.store = getSQLiteEventStore({ fileName: file });
  }

  async append(append: StreamAppend): Promise<void> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.store.appendToStream(append.streamId, toPeerEvents(append, new Date().toISOString()), {
          expectedStreamVersion: expectedVersion(append.expectedRevision),
        });
        return;
      } catch (error) {
        // Each call opens a connection and sends PRAGMA journal_mode = WAL without waiting for it; when that statement
        // is not yet finalised at COMMIT, SQLite refuses the commit ("SQL statements in progress") and Emmett rolls the
        // transaction back. Nothing was written, so an application would try again; so does the benchmark, and counts.
        if (attempt === 3 || !isCommitRefused(error)) throw error;
        this.retries += 1;
      }
    }
  }

  get eventStore(): SQLiteEventStore {
    return this.store;
  }
}

const isCommitRefused = (error: unknown): boolean =>
  (error as { code?: string }).code === 'SQLITE_BUSY' && /cannot commit/.test((error as Error).message);

/** Emmett's append function on one connection kept open. */
export class PeerConnection {
  private constructor(readonly connection: SQLiteConnection) {}

  static async open(file: string): Promise<PeerConnection> {
    const connection = sqliteConnection({ fileName: file });
    await createEventStoreSchema(connection);
    return new PeerConnection(connection);
  }

  /** One stream, one transaction: a single-event command. */
  async append(append: StreamAppend): Promise<void> {
    await this.appendOne(append, new Date().toISOString());
  }

  /** A decision over many streams in one transaction: each stream's append nests in the outer one. */
  async appendAll(appends: readonly StreamAppend[]): Promise<void> {
    const recordedAt = new Date().toISOString();
    await this.connection.withTransaction(async () => {
      for (const append of appends) await this.appendOne(append, recordedAt);
    });
  }

  close(): void {
    this.connection.close();
  }

  private async appendOne(append: StreamAppend, recordedAt: string): Promise<void> {
    const result = await appendToStream(this.connection, append.streamId, streamTypeOf(append.streamId), toPeerEvents(append, recordedAt), {
      expectedStreamVersion: expectedVersion(append.expectedRevision),
    });
    // The EventStore throws on a failed append; the bare function only reports it.
    if (!result.success) throw new Error(`Emmett refused the append to ${append.streamId} (expected ${String(append.expectedRevision)})`);
  }
}

/** An event read through Emmett, in the ledger's shape: what the projections fold. */
export function toRecordedEvent(message: PeerReadEvent): RecordedEvent {
  // Emmett's own keys come off the metadata: the audit trail stores it whole, and BigInts do not serialise.
  const { messageId, streamName, streamPosition, globalPosition, schemaVersion, recordedAt, ...metadata } = message.metadata;
  // In the order of the ledger's own adapter: the audit trail's documents are then the same text.
  return {
    id: messageId,
    type: message.type,
    schemaVersion,
    streamId: streamName,
    revision: Number(streamPosition) - 1,
    position: Number(globalPosition),
    recordedAt,
    data: message.data,
    metadata: metadata as EventMetadata,
  };
}
