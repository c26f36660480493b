import { RecordedEvent } from '../core/event-envelope';
import { EventStore, ExpectedRevision } from '../core/event-store/event-store.port';
import { CAMPAIGN_EVENT_SCHEMA_VERSIONS } from './campaign';
import { REPORT_EVENT_SCHEMA_VERSIONS } from './report';

const SCHEMA_VERSIONS: Record<string, number> = { ...REPORT_EVENT_SCHEMA_VERSIONS, ...CAMPAIGN_EVENT_SCHEMA_VERSIONS };

export const schemaVersionOf = (type: string): number => {
  const version = SCHEMA_VERSIONS[type];
  if (version === undefined) throw new Error(`no schema version for event type ${type}`);
  return version;
};

/** A statistics or campaign stream as read for a command, and the revision to append at. */
export async function readForAppend(store: EventStore, streamId: string): Promise<{ events: RecordedEvent[]; expectedRevision: ExpectedRevision }> {
  const events = await store.readStream(streamId);
  return { events, expectedRevision: events.at(-1)?.revision ?? 'no_stream' };
}

/** Plain data from a validated request: what goes into an event is JSON, without the DTO's empty fields. */
export const plain = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;
