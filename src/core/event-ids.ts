import { v5 as uuidv5, v7 as uuidv7 } from 'uuid';

/** Namespace of the ledger's name-based event ids; changing it would break idempotent retries of old requests. */
const LEDGER_ID_NAMESPACE = '6f3c1c1e-7d55-4d7e-9a55-2f5b8a0c4e11';

/**
 * Hands out the ids of the events one command writes.
 * Without an idempotency key, ids are time-ordered UUIDv7s, which keep the store's id index append-friendly.
 * With a key, ids are derived from it, so a retried request produces the very same ids and the store
 * recognises it; the same key on another request collides and is refused.
 */
export class EventIds {
  private next = 0;

  constructor(private readonly idempotencyKey?: string) {}

  nextId(): string {
    const index = this.next++;
    return this.idempotencyKey === undefined ? uuidv7() : uuidv5(`${this.idempotencyKey}#${index}`, LEDGER_ID_NAMESPACE);
  }
}

/**
 * The id of the `index`th event a stored event causes (a decision's items, applied after it): re-running whatever
 * writes them yields the same ids, so the store keeps each once. The stream is part of the name so that an id reused
 * in another stream, which some backends accept, still causes distinct events.
 */
export const causedEventId = (cause: { readonly streamId: string; readonly id: string }, index: number | string): string =>
  uuidv5(`${cause.streamId}/${cause.id}#${index}`, LEDGER_ID_NAMESPACE);

export const newCorrelationId = (): string => uuidv7();
