import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { UnavailableError } from '../../core/errors/ledger-errors';
import { EVENT_STORE, EventStore } from '../../core/event-store/event-store.port';
import { isAppliedLater, isClosing } from '../decision/decision-application';
import { ApplyDecisionCommand } from './apply-decision.command';

const PAGE_SIZE = 1000;
const RETRY_DELAY_MS = 5000;

/** Decision streams, in log order, whose decision was recorded ahead of its items and is not closed yet. */
export async function findUnfinishedDecisions(store: EventStore): Promise<string[]> {
  const unfinished = new Set<string>();
  for (let from = 1; ; ) {
    const page = await store.readAll({ fromPosition: from, maxCount: PAGE_SIZE });
    for (const event of page) {
      if (isAppliedLater(event)) unfinished.add(event.streamId);
      else if (isClosing(event)) unfinished.delete(event.streamId);
    }
    if (page.length < PAGE_SIZE) return [...unfinished];
    from = page.at(-1)!.position + 1;
  }
}

/**
 * On start, completes the decisions a previous run recorded but did not finish applying (it stopped, or the store
 * went away). Runs in the background: the service answers meanwhile, and those decisions read as `applying`.
 */
@Injectable()
export class UnfinishedDecisions implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('DecisionApplication');
  private readonly stopping = new AbortController();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly commands: CommandBus,
  ) {}

  onApplicationBootstrap(): void {
    // Where decisions are stored whole, none is ever left part-way.
    if (this.store.supportsMultiStreamAppend) return;
    void this.completeAll();
  }

  onApplicationShutdown(): void {
    this.stopping.abort();
  }

  private async completeAll(): Promise<void> {
    while (!this.stopping.signal.aborted) {
      try {
        const unfinished = await findUnfinishedDecisions(this.store);
        if (unfinished.length > 0) this.logger.log(`completing ${unfinished.length} decision(s) left applying: ${unfinished.join(', ')}`);
        for (const streamId of unfinished) {
          // The handler waits out an unavailable store itself; anything else concerns that decision alone.
          await this.commands
            .execute(new ApplyDecisionCommand(streamId))
            .catch((error: Error) => this.logger.error(`${streamId} was not completed: ${error.stack ?? error.message}`));
        }
        return;
      } catch (error) {
        if (!(error instanceof UnavailableError)) {
          this.logger.error(`unfinished decisions were not completed: ${(error as Error).stack ?? String(error)}`);
          return;
        }
        this.logger.warn(`cannot look for unfinished decisions yet (${error.message}); trying again in ${RETRY_DELAY_MS} ms`);
        await sleep(RETRY_DELAY_MS, undefined, { signal: this.stopping.signal, ref: false }).catch(() => undefined);
      }
    }
  }
}
