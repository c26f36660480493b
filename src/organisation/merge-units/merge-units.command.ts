import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../core/command-context';
import { factsOf } from '../dto/reorganisation-facts.dto';
import { ReorganisationResult } from '../reorganisation.result';
import { ReorganisationWriter } from '../reorganisation.writer';
import { MergeTarget } from '../unit.commands';
import { isNewTarget, MergeTargetDto, MergeUnitsRequest } from './merge-units.request.dto';

export class MergeUnitsCommand extends Command<ReorganisationResult> {
  constructor(
    readonly request: MergeUnitsRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/** Merges units, moving their sub-units and their procedures to the unit they merge into, in one append. */
@CommandHandler(MergeUnitsCommand)
export class MergeUnitsHandler implements ICommandHandler<MergeUnitsCommand, ReorganisationResult> {
  constructor(private readonly writer: ReorganisationWriter) {}

  execute({ request, context }: MergeUnitsCommand): Promise<ReorganisationResult> {
    const { units, into } = request;
    return this.writer.reorganise(
      { type: 'MergeUnits', ...factsOf(request), unitIds: units.map((u) => u.unitId), into: toTarget(into) },
      [...units.map((u) => [u.unitId, u.expectedRevision] as const), [into.unitId, into.expectedRevision] as const],
      { payload: { route: 'merges', ...request }, source: request.source, context },
    );
  }
}

function toTarget(into: MergeTargetDto): MergeTarget {
  if (!isNewTarget(into)) return { unitId: into.unitId };
  const { unitId, name, level, category, parentId } = into;
  return { unitId, establish: { name: name!, level: level!, category: category!, ...(parentId !== undefined && { parentId }) } };
}
