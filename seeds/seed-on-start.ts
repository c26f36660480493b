import { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EVENT_STORE, EventStore } from '../src/core/event-store/event-store.port';
import { loadSeeds, SeedOutcome } from './load-seeds';

/**
 * On the first start of an empty store, load the published facts, so that a new ledger opens with its history.
 * A store with anything in it is left alone: seeding is for empty ledgers, and `ledger seed` is there for the rest.
 */
export async function seedIfEmpty(app: INestApplicationContext): Promise<SeedOutcome | undefined> {
  const store = app.get<EventStore>(EVENT_STORE);
  if ((await store.headPosition()) > 0) return undefined;
  return loadSeeds(app.get(CommandBus));
}
