import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Logger, OnApplicationShutdown } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ConcurrencyError, UnavailableError } from '../../core/errors/ledger-errors';
import { EVENT_STORE, EventStore } from '../../core/event-store/event-store.port';
import { LedgerWriter } from '../../core/ledger-writer';
import {
  applicationFailed,
  applied,
  closingAppend,
  decisionStatus,
  DecisionStatus,
  plannedAppends,
  RecordedDecision,
} from '../decision/decision-application';

/** Carry out the plan of the decision recorded in this stream, if it is not carried out yet. */
export class ApplyDecisionCommand extends Command<DecisionStatus> {
  constructor(readonly decisionStreamId: string) {
    super();
  }
}

/** Waits between attempts while the store is unavailable; the last one repeats until it is back. */
const RETRY_DELAYS_MS = [500, 1000, 2000, 5000, 10_000];

/**
 * Appends a decision's planned procedure events stream by stream, at the revisions the decision checked, then marks
 * the decision applied. Safe to run again, and concurrently: the ids derive from the decision event, so a stream an
 * earlier run wrote is reported as a replay and kept once. A planned stream that changed in between marks the
 * decision failed; an unavailable store is waited for.
 */
@CommandHandler(ApplyDecisionCommand)
export class ApplyDecisionHandler implements ICommandHandler<ApplyDecisionCommand, DecisionStatus>, OnApplicationShutdown {
  private readonly logger = new Logger('DecisionApplication');
  private readonly running = new Map<string, Promise<DecisionStatus>>();
  private readonly stopping = new AbortController();

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: LedgerWriter,
  ) {}

  /** Runs once per decision at a time in this process; a second request shares the first run. */
  execute({ decisionStreamId }: ApplyDecisionCommand): Promise<DecisionStatus> {
    let run = this.running.get(decisionStreamId);
    if (!run) {
      run = this.applyUntilSettled(decisionStreamId).finally(() => this.running.delete(decisionStreamId));
      this.running.set(decisionStreamId, run);
    }
    return run;
  }

  onApplicationShutdown(): void {
    this.stopping.abort();
  }

  private async applyUntilSettled(decisionStreamId: string): Promise<DecisionStatus> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.apply(decisionStreamId);
      } catch (error) {
        if (!(error instanceof UnavailableError) || this.stopping.signal.aborted) throw error;
        const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length) - 1];
        this.logger.warn(`${decisionStreamId} is not applied yet (${error.message}); trying again in ${delay} ms`);
        try {
          await sleep(delay, undefined, { signal: this.stopping.signal, ref: false });
        } catch {
          return 'applying'; // shutting down: the next start completes it
        }
      }
    }
  }

  private async apply(decisionStreamId: string): Promise<DecisionStatus> {
    const stream = await this.store.readStream(decisionStreamId);
    const status = decisionStatus(stream);
    if (status !== 'applying') return status;
    const decision = stream[0] as RecordedDecision;
    const context = { actor: decision.metadata.actor, correlationId: decision.metadata.correlationId };
    const appends = plannedAppends(decision);
    for (const append of appends) {
      try {
        await this.writer.append([append], context);
      } catch (error) {
        if (!(error instanceof ConcurrencyError)) throw error;
        this.logger.error(`${decisionStreamId} cannot be applied whole: ${error.message}`);
        await this.writer.append([closingAppend(decision, applicationFailed(append.streamId, error))], context);
        return 'failed';
      }
    }
    await this.writer.append([closingAppend(decision, applied(appends))], context);
    return 'applied';
  }
}
