import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../core/command-context';
import { factsOf } from '../dto/reorganisation-facts.dto';
import { ReorganisationResult } from '../reorganisation.result';
import { ReorganisationWriter } from '../reorganisation.writer';
import { RenameUnitRequest } from './rename-unit.request.dto';

export class RenameUnitCommand extends Command<ReorganisationResult> {
  constructor(
    readonly unitId: string,
    readonly request: RenameUnitRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Renames a unit; the procedures naming it as their agency take the new name. */
@CommandHandler(RenameUnitCommand)
export class RenameUnitHandler implements ICommandHandler<RenameUnitCommand, ReorganisationResult> {
  constructor(private readonly writer: ReorganisationWriter) {}

  execute({ unitId, request, context }: RenameUnitCommand): Promise<ReorganisationResult> {
    return this.writer.reorganise({ type: 'RenameUnit', ...factsOf(request), unitId, name: request.name }, [[unitId, request.expectedRevision]], {
      payload: { route: 'renames', unitId, ...request },
      source: request.source,
      context,
    });
  }
}
