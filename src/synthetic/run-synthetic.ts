import { CommandBus } from '@nestjs/cqrs';
import { CommandContext } from '../core/command-context';
import { validatedBody } from '../core/http/validation';
import { CutProcessingTimeCommand } from '../procedures/cut-processing-time/cut-processing-time.command';
import { CutProcessingTimeRequest } from '../procedures/cut-processing-time/cut-processing-time.request.dto';
import { OpenCatalogueCommand } from '../procedures/open-catalogue/open-catalogue.command';
import { OpenCatalogueRequest } from '../procedures/open-catalogue/open-catalogue.request.dto';
import { RecordDecisionCommand } from '../procedures/record-decision/record-decision.command';
import { RecordDecisionRequest } from '../procedures/record-decision/record-decision.request.dto';
import { SyntheticOptions, SyntheticPlan } from './synthetic-plan';

/** Synthetic events are recorded by this actor, so that no one takes them for an officer's records. */
export const GENERATOR_ACTOR = 'generator';

export interface SyntheticOutcome {
  readonly commands: number;
  /** Commands already recorded by an earlier identical run: nothing was written for them. */
  readonly replayed: number;
}

/**
 * Records a synthetic plan through the same command handlers as the API, each request validated as the API would.
 * Idempotency keys come from the options and the step, so running the same generation twice writes nothing new.
 */
export async function runSynthetic(commands: CommandBus, plan: SyntheticPlan, options: SyntheticOptions): Promise<SyntheticOutcome> {
  const prefix = `generate:n${options.procedures}:s${options.seed}:${options.match ?? 'free'}`;
  const context = (step: string): CommandContext => ({ actor: GENERATOR_ACTOR, correlationId: `${prefix}:${step}`, idempotencyKey: `${prefix}:${step}` });
  let total = 0;
  let replayed = 0;
  const count = (result: { replayed: boolean }) => {
    total++;
    if (result.replayed) replayed++;
  };
  for (const [i, opening] of plan.openings.entries()) {
    count(await commands.execute(new OpenCatalogueCommand(await validatedBody(OpenCatalogueRequest, opening), context(`opening-${i}`))));
  }
  for (const decision of plan.decisions) {
    count(await commands.execute(new RecordDecisionCommand(await validatedBody(RecordDecisionRequest, decision), context(`decision-${decision.decision.number}`))));
  }
  for (const { code, body } of plan.cuts) {
    count(await commands.execute(new CutProcessingTimeCommand(code, await validatedBody(CutProcessingTimeRequest, body), context(`cut-${code}`))));
  }
  return { commands: total, replayed };
}
