import { writeFileSync } from 'node:fs';
import { Command } from 'commander';
import { QueryBus } from '@nestjs/cqrs';
import { AnnualReport } from '../reports/annual-report';
import { AnnualReportQuery, REPORT_FORMATS, ReportFormat } from '../reports/annual-report.query';
import { renderReport } from '../reports/render/render-report';
import { MAX_YEAR, MIN_YEAR } from '../statistics/read/statistics.queries';
import { CliError, CliIo } from './cli-io';
import { dataDirOption } from './open-ledger';
import { wholeNumber, withLedger } from './ledger-context';

interface ReportOptions {
  year: string;
  unit?: string;
  format: string;
  out?: string;
  dataDir?: string;
}

export function reportCommand(io: CliIo): Command {
  return new Command('report')
    .description('the annual report of a year, replayed as of its last day; the same events give the same bytes')
    .requiredOption('--year <year>', 'the year to report')
    .option('--unit <unit>', 'only the statistics reported by this unit (province or agency)')
    .option('--format <format>', REPORT_FORMATS.join(' | '), 'md')
    .option('--out <file>', 'write the report to a file instead of standard output')
    .option(...dataDirOption)
    .action(async (options: ReportOptions) => {
      const year = wholeNumber('--year', options.year, MIN_YEAR, MAX_YEAR);
      if (!(REPORT_FORMATS as readonly string[]).includes(options.format)) {
        throw new CliError(`--format must be one of ${REPORT_FORMATS.join(', ')}, got "${options.format}"`);
      }
      const unit = options.unit?.normalize('NFC').replace(/\s+/g, ' ').trim() || undefined;
      const report = await withLedger({ dataDir: options.dataDir, mustExist: true }, (app) =>
        app.get(QueryBus).execute<AnnualReportQuery, AnnualReport>(new AnnualReportQuery(year, unit)),
      );
      const text = renderReport(report, options.format as ReportFormat);
      if (options.out) writeFileSync(options.out, text);
      // io.out ends each line itself: the text goes out exactly as rendered.
      else io.out(text.endsWith('\n') ? text.slice(0, -1) : text);
    });
}
