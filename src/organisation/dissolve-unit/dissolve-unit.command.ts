import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../core/command-context';
import { factsOf } from '../dto/reorganisation-facts.dto';
import { ReorganisationResult } from '../reorganisation.result';
import { ReorganisationWriter } from '../reorganisation.writer';
import { DissolveUnitRequest } from './dissolve-unit.request.dto';

export class DissolveUnitCommand extends Command<ReorganisationResult> {
  constructor(
    readonly request: DissolveUnitRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Dissolves a unit; the procedures it implemented are flagged orphaned for the reform office. */
@CommandHandler(DissolveUnitCommand)
export class DissolveUnitHandler implements ICommandHandler<DissolveUnitCommand, ReorganisationResult> {
  constructor(private readonly writer: ReorganisationWriter) {}

  execute({ request, context }: DissolveUnitCommand): Promise<ReorganisationResult> {
    return this.writer.reorganise({ type: 'DissolveUnit', ...factsOf(request), unitId: request.unitId }, [[request.unitId, request.expectedRevision]], {
      payload: { route: 'dissolutions', ...request },
      source: request.source,
      context,
    });
  }
}
