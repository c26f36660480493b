import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../core/command-context';
import { factsOf } from '../dto/reorganisation-facts.dto';
import { ReorganisationResult } from '../reorganisation.result';
import { ReorganisationWriter } from '../reorganisation.writer';
import { SplitUnitRequest } from './split-unit.request.dto';

export class SplitUnitCommand extends Command<ReorganisationResult> {
  constructor(
    readonly request: SplitUnitRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Splits a unit; its procedures go to the part named in `proceduresTo`, or are flagged orphaned. */
@CommandHandler(SplitUnitCommand)
export class SplitUnitHandler implements ICommandHandler<SplitUnitCommand, ReorganisationResult> {
  constructor(private readonly writer: ReorganisationWriter) {}

  execute({ request, context }: SplitUnitCommand): Promise<ReorganisationResult> {
    const { unitId, parts, proceduresTo } = request;
    return this.writer.reorganise(
      {
        type: 'SplitUnit',
        ...factsOf(request),
        unitId,
        parts: parts.map(({ unitId: id, name, level, category, parentId }) => ({
          unitId: id,
          name,
          ...(level !== undefined && { level }),
          ...(category !== undefined && { category }),
          ...(parentId !== undefined && { parentId }),
        })),
        ...(proceduresTo !== undefined && { proceduresTo }),
      },
      [[unitId, request.expectedRevision]],
      { payload: { route: 'splits', ...request }, source: request.source, context },
    );
  }
}
