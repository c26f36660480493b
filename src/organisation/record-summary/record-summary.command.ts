import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext } from '../../core/command-context';
import { factsOf } from '../dto/reorganisation-facts.dto';
import { SummaryResult } from '../reorganisation.result';
import { ReorganisationWriter } from '../reorganisation.writer';
import { RecordSummaryRequest } from './record-summary.request.dto';

export class RecordSummaryCommand extends Command<SummaryResult> {
  constructor(
    readonly request: RecordSummaryRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

@CommandHandler(RecordSummaryCommand)
export class RecordSummaryHandler implements ICommandHandler<RecordSummaryCommand, SummaryResult> {
  constructor(private readonly writer: ReorganisationWriter) {}

  execute({ request, context }: RecordSummaryCommand): Promise<SummaryResult> {
    const { level, category, countBefore, countAfter } = request;
    return this.writer.recordSummary(
      { ...factsOf(request), ...(level !== undefined && { level }), ...(category !== undefined && { category }), countBefore, countAfter },
      { payload: { route: 'summaries', ...request }, source: request.source, context },
    );
  }
}
