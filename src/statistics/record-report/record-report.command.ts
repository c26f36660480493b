import { Inject } from '@nestjs/common';
import { Command, CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { CommandContext, EnvelopeWriter } from '../../core/command-context';
import { RecordedEvent } from '../../core/event-envelope';
import { EVENT_STORE, EventStore } from '../../core/event-store/event-store.port';
import { LedgerWriter } from '../../core/ledger-writer';
import { IndexScoreFigures } from '../figures';
import { toReportView, ReportResult } from '../read/report.views';
import { FiguresOf, reportStreamId, ReportKind } from '../report';
import { decideReport, evolveReportSeries, initialReportSeries, RecordReport, ReportFact } from '../report.decider';
import { plain, readForAppend, schemaVersionOf } from '../statistics-stream';
import { ReportRequest } from './record-report.requests';

export class RecordReportCommand extends Command<ReportResult> {
  constructor(
    readonly kind: ReportKind,
    readonly request: ReportRequest,
    readonly context: CommandContext,
  ) {
    super();
  }
}

/**
 * Records a period report of any kind: reads its series, answers a retry with its first outcome, checks it against
 * its own figures and the series, and appends it with what the checks found, at the revision that was read.
 */
@CommandHandler(RecordReportCommand)
export class RecordReportHandler implements ICommandHandler<RecordReportCommand, ReportResult> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly writer: LedgerWriter,
  ) {}

  async execute({ kind, request, context }: RecordReportCommand): Promise<ReportResult> {
    const command = toRecordReport(kind, request);
    const index = kind === 'index-scores' ? (command.figures as IndexScoreFigures).index : undefined;
    const streamId = reportStreamId(kind, command, index);
    const { events, expectedRevision } = await readForAppend(this.store, streamId);
    const envelopes = new EnvelopeWriter(context, { kind, ...request }, schemaVersionOf);
    const prior = envelopes.findPriorOutcome(events);
    if (prior) return toResult(prior, true);

    const series = (events as unknown as ReportFact[]).reduce(evolveReportSeries, initialReportSeries);
    const decided = decideReport(command, series);
    const [result] = await this.writer.append(
      [{ streamId, events: envelopes.wrap(decided, { effectiveDate: command.effectiveDate, source: command.source }), expectedRevision }],
      context,
    );
    return toResult(result.events[0], result.duplicate);
  }
}

function toRecordReport(kind: ReportKind, request: ReportRequest): RecordReport {
  const { unit, level, period, effectiveDate, source, note, figures } = plain(request);
  return {
    kind,
    unit,
    ...(level && { level }),
    period,
    effectiveDate: effectiveDate ?? period.to,
    source,
    figures: figures as FiguresOf[ReportKind],
    ...(note && { note }),
  };
}

const toResult = (event: RecordedEvent, replayed: boolean): ReportResult => ({ ...toReportView(event), recordedAt: event.recordedAt, replayed });
