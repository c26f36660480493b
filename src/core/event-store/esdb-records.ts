import { EventMetadata, RecordedEvent } from '../event-envelope';
import { ChainedNewEvent, ChainedRecord, ChainStamp, StreamHidden } from '../ledger-hash/stream-chain';

/*
 * How the EventStoreDB adapter reads and writes one event, as pure functions: what goes into the event's metadata,
 * and what the ledger makes of an event read back. Typed by the fields used, not by the client's types, so that the
 * client stays known to esdb-event-store.ts alone and these can be tested without it.
 */

/** The fields of an event as the client reads it back (its `RecordedEvent`). */
export interface EsdbEventRecord {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  /** Parsed JSON for a JSON event, bytes otherwise. */
  readonly data: unknown;
  /** Parsed JSON when it is JSON, bytes otherwise, undefined when empty. */
  readonly metadata: unknown;
  readonly isJson: boolean;
  readonly created: Date;
  readonly position?: { readonly commit: bigint };
}

/** What the ledger keeps in an EventStoreDB event's metadata. */
export interface EsdbMetadata {
  readonly ledger: EventMetadata;
  readonly schemaVersion: number;
  /** A random stamp per append call: events read back with another one were stored by an earlier call. */
  readonly appendAttempt: string;
  /** The event's link in its stream's hash chain and the recorded time it covers; never shown to readers. */
  readonly chain: ChainStamp;
  // The server's standard projections ($by_correlation_id) read these two.
  readonly $correlationId: string;
  readonly $causationId?: string;
}

export interface StoredEvent {
  readonly event: RecordedEvent;
  readonly appendAttempt?: string;
}

/** The port position of the event at a commit position: twice it (see the note on positions in esdb-event-store.ts). */
export function toLedgerPosition(commit: bigint): number {
  const position = commit * 2n;
  if (position > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`commit position ${commit} is beyond the ledger's positions`);
  return Number(position);
}

const positionOf = (event: EsdbEventRecord): number => (event.position ? toLedgerPosition(event.position.commit) : 0);

export function esdbMetadataOf({ event, stamp }: ChainedNewEvent, appendAttempt: string): EsdbMetadata {
  return {
    ledger: event.metadata,
    schemaVersion: event.schemaVersion,
    appendAttempt,
    chain: stamp,
    $correlationId: event.metadata.correlationId,
    ...(event.metadata.causationId && { $causationId: event.metadata.causationId }),
  };
}

/** Whether an event belongs to one of the ledger's streams, whatever its type. */
export const inLedgerStream = (event: EsdbEventRecord, namespace: string): boolean => !event.streamId.startsWith('$') && event.streamId.startsWith(namespace);

/** Whether an event is one the ledger shows its readers. */
export const isLedgerEvent = (event: EsdbEventRecord, namespace: string): boolean => event.isJson && !event.type.startsWith('$') && inLedgerStream(event, namespace);

/** The ledger's keys of an event's metadata; `{}` for metadata that is not a JSON object. */
function metadataOf(event: EsdbEventRecord): Partial<EsdbMetadata> {
  const metadata = event.metadata;
  return (metadata && typeof metadata === 'object' && !(metadata instanceof Uint8Array) ? metadata : {}) as Partial<EsdbMetadata>;
}

/** The chain stamp, if the metadata holds one that can be read as such. */
function stampOf(metadata: Partial<EsdbMetadata>): Partial<ChainStamp> | undefined {
  const chain = metadata.chain as unknown;
  if (!chain || typeof chain !== 'object') return undefined;
  const { recordedAt } = chain as Partial<ChainStamp>;
  return { ...(chain as Partial<ChainStamp>), recordedAt: typeof recordedAt === 'string' ? recordedAt : undefined };
}

/** An event as the port hands it to readers: the ledger's own metadata, the chain kept out of it. */
export function toStoredEvent(event: EsdbEventRecord, namespace: string): StoredEvent {
  const metadata = metadataOf(event);
  return {
    appendAttempt: metadata.appendAttempt,
    event: {
      id: event.id,
      type: event.type,
      schemaVersion: metadata.schemaVersion ?? 1,
      streamId: event.streamId.slice(namespace.length),
      revision: Number(event.revision),
      position: positionOf(event),
      recordedAt: stampOf(metadata)?.recordedAt ?? event.created.toISOString(),
      data: event.data,
      metadata: metadata.ledger ?? ({} as EventMetadata),
    },
  };
}

/**
 * An event as its hash covers it. The client writes `JSON.stringify` of data and metadata and parses them back on
 * reading, so `JSON.stringify` of what it reads gives the text hashed at writing again. Any event of a ledger stream
 * is walked, JSON or not, so that none can hide from verification.
 */
export function toChainedRecord(event: EsdbEventRecord, namespace: string): ChainedRecord {
  const metadata = metadataOf(event);
  const stamp = stampOf(metadata);
  return {
    position: positionOf(event),
    eventId: event.id,
    streamId: event.streamId.slice(namespace.length),
    revision: Number(event.revision),
    type: event.type,
    schemaVersion: metadata.schemaVersion ?? 1,
    // A non-JSON event was never written by the ledger: its text is marked so that it cannot match a hash.
    data: event.isJson ? JSON.stringify(event.data) : `binary:${Buffer.from(event.data as Uint8Array).toString('base64')}`,
    metadata: JSON.stringify(metadata.ledger ?? {}),
    recordedAt: stamp?.recordedAt ?? event.created.toISOString(),
    ...(metadata.chain !== undefined && { link: { previousHash: String(stamp?.previousHash), hash: String(stamp?.hash) } }),
  };
}

/**
 * A server-side change that hides events of a ledger stream from its readers while they stay in $all until the next
 * scavenge: stream metadata that truncates it (a soft deletion sets `$tb`), or a tombstone. The ledger makes
 * neither, so each is reported.
 */
export function hidingChangeOf(event: EsdbEventRecord, namespace: string): StreamHidden | undefined {
  if (event.type === '$metadata' && event.streamId.startsWith('$$')) {
    const stream = event.streamId.slice(2);
    const data = event.isJson && event.data && typeof event.data === 'object' ? (event.data as Record<string, unknown>) : {};
    const truncating = ['$tb', '$maxCount', '$maxAge'].filter((key) => data[key] !== undefined);
    if (!stream.startsWith('$') && stream.startsWith(namespace) && truncating.length > 0) {
      return { position: positionOf(event), streamId: stream.slice(namespace.length), hides: `was truncated or deleted (its metadata set ${truncating.join(', ')})` };
    }
  }
  if (event.type === '$streamDeleted' && inLedgerStream(event, namespace)) {
    return { position: positionOf(event), streamId: event.streamId.slice(namespace.length), hides: 'was deleted for good (tombstoned)' };
  }
  return undefined;
}
