import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../core/command-context';
import { factsOf } from '../dto/reorganisation-facts.dto';
import { ReorganisationResult } from '../reorganisation.result';
import { ReorganisationWriter } from '../reorganisation.writer';
import { EstablishUnitRequest } from './establish-unit.request.dto';

export class EstablishUnitCommand extends Command<ReorganisationResult> {
  constructor(
    readonly request: EstablishUnitRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(EstablishUnitCommand)
export class EstablishUnitHandler implements ICommandHandler<EstablishUnitCommand, ReorganisationResult> {
  constructor(private readonly writer: ReorganisationWriter) {}

  execute({ request, context }: EstablishUnitCommand): Promise<ReorganisationResult> {
    const { unitId, name, level, category, parentId } = request;
    return this.writer.reorganise(
      { type: 'EstablishUnit', ...factsOf(request), unit: { unitId, name, level, category, ...(parentId !== undefined && { parentId }) } },
      [],
      { payload: { route: 'units', ...request }, source: request.source, context },
    );
  }
}
