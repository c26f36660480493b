import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../core/command-context';
import { factsOf } from '../dto/reorganisation-facts.dto';
import { ReorganisationResult } from '../reorganisation.result';
import { ReorganisationWriter } from '../reorganisation.writer';
import { AbolishLevelRequest } from './abolish-level.request.dto';

export class AbolishLevelCommand extends Command<ReorganisationResult> {
  constructor(
    readonly request: AbolishLevelRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(AbolishLevelCommand)
export class AbolishLevelHandler implements ICommandHandler<AbolishLevelCommand, ReorganisationResult> {
  constructor(private readonly writer: ReorganisationWriter) {}

  execute({ request, context }: AbolishLevelCommand): Promise<ReorganisationResult> {
    const transfers = (request.transfers ?? []).map(({ unitId, level, parentId }) => ({
      unitId,
      ...(level !== undefined && { level }),
      ...(parentId !== undefined && { parentId }),
    }));
    const proceduresTo = request.proceduresTo && {
      level: request.proceduresTo.level,
      ...(request.proceduresTo.agency !== undefined && { agency: request.proceduresTo.agency }),
    };
    return this.writer.reorganise(
      { type: 'AbolishLevel', ...factsOf(request), level: request.level, transfers, ...(proceduresTo && { proceduresTo }) },
      [],
      { payload: { route: 'level-abolitions', ...request }, source: request.source, context },
    );
  }
}
