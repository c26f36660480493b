import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../core/command-context';
import { factsOf } from '../dto/reorganisation-facts.dto';
import { ReorganisationResult } from '../reorganisation.result';
import { ReorganisationWriter } from '../reorganisation.writer';
import { TransferUnitRequest } from './transfer-unit.request.dto';

export class TransferUnitCommand extends Command<ReorganisationResult> {
  constructor(
    readonly request: TransferUnitRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Moves a unit; when its level changes, the procedures it implements move level with it. */
@CommandHandler(TransferUnitCommand)
export class TransferUnitHandler implements ICommandHandler<TransferUnitCommand, ReorganisationResult> {
  constructor(private readonly writer: ReorganisationWriter) {}

  execute({ request, context }: TransferUnitCommand): Promise<ReorganisationResult> {
    const { unitId, parentId, level } = request;
    return this.writer.reorganise(
      { type: 'TransferUnit', ...factsOf(request), unitId, ...(parentId !== undefined && { parentId }), ...(level !== undefined && { level }) },
      [[unitId, request.expectedRevision]],
      { payload: { route: 'transfers', ...request }, source: request.source, context },
    );
  }
}
