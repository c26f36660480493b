import { deciderSpec } from '../../test/support/decider-spec';
import { decideReport, evolveReportSeries, initialReportSeries, RecordReport, ReportFact, ReportSeries } from './report.decider';

const spec = deciderSpec<RecordReport, ReportFact, ReportSeries>({ decide: decideReport, evolve: evolveReportSeries, initialState: initialReportSeries });

const h1 = { label: '6 tháng đầu năm 2022', from: '2022-01-01', to: '2022-06-18' };
const province = { unit: 'Bình Phước', level: 'province' as const };
const dossiers = (figures: object, overrides: Partial<RecordReport> = {}): RecordReport =>
  ({ kind: 'dossiers', ...province, period: h1, effectiveDate: '2022-06-18', source: '002_90c0e404548d7a3f.txt', figures, ...overrides }) as RecordReport;
const recorded = (command: RecordReport, findings: object[] = []): ReportFact =>
  ({ type: 'DossierStatisticsReported', data: { kind: command.kind, ...province, period: command.period, figures: command.figures, findings }, metadata: { effectiveDate: command.effectiveDate, source: command.source } }) as ReportFact;

describe('recording a period report', () => {
  it('records the figures as stated, with what does not add up beside them', () =>
    spec
      .given([])
      .when(dossiers({ received: 27734, resolved: 19811, pending: 7907 }, { level: 'district' }))
      .then([
        {
          type: 'DossierStatisticsReported',
          data: {
            kind: 'dossiers',
            unit: 'Bình Phước',
            level: 'district',
            period: h1,
            figures: { received: 27734, resolved: 19811, pending: 7907 },
            findings: [
              expect.objectContaining({ check: 'DOSSIERS.RECEIVED_NOT_ACCOUNTED_FOR', severity: 'discrepancy', stated: 27734, computed: 27718, difference: 16 }),
            ],
          },
        },
      ]));

  it('records a balanced report with no findings', () =>
    spec.given([]).when(dossiers({ received: 88991, resolved: 88478, pending: 513 })).then([expect.objectContaining({ data: expect.objectContaining({ findings: [] }) })]));

  it('refuses the same period from the same source a second time, but takes it from another source', () => {
    const first = dossiers({ received: 10, resolved: 10 });
    spec.given([recorded(first)]).when(dossiers({ received: 11, resolved: 11 })).thenThrows({ httpStatus: 409, code: 'REPORT.ALREADY_RECORDED' });
    spec.given([recorded(first)]).when(dossiers({ received: 11 }, { source: 'another.txt' })).then([expect.objectContaining({ type: 'DossierStatisticsReported' })]);
  });

  it('refuses a period that ends before it starts, naming period.from', () =>
    spec.given([]).when(dossiers({ received: 1 }, { period: { label: 'x', from: '2022-07-01', to: '2022-06-30' } })).thenThrows({ httpStatus: 422, code: 'REPORT.PERIOD_REVERSED', details: [expect.objectContaining({ field: 'period.from' })] }));

  it('refuses figures said to stand before their period is over', () =>
    spec.given([]).when(dossiers({ received: 1 }, { effectiveDate: '2022-06-01' })).thenThrows({ code: 'REPORT.EFFECTIVE_BEFORE_PERIOD_END', details: [expect.objectContaining({ field: 'effectiveDate' })] }));

  it('refuses a report without a single figure', () =>
    spec.given([]).when({ ...dossiers({}), kind: 'index-scores', figures: { index: 'PAPI' } } as RecordReport).thenThrows({ code: 'REPORT.NO_FIGURES', details: [expect.objectContaining({ field: 'figures' })] }));

  it('compares an index score with the one recorded for the previous period of the series', () => {
    const index = (to: string, figures: object): RecordReport =>
      ({ kind: 'index-scores', ...province, period: { label: to.slice(0, 4), from: `${to.slice(0, 4)}-01-01`, to }, effectiveDate: to, source: '000_f6667ee2e4f2cdb8.txt', figures }) as RecordReport;
    const y2021 = index('2021-12-31', { index: 'PAR_INDEX', score: 88.81 });
    spec
      .given([{ ...recorded(y2021), type: 'IndexScoreReported' } as ReportFact])
      .when(index('2022-12-31', { index: 'PAR_INDEX', score: 92.51, statedChange: 3.71 }))
      .then([
        expect.objectContaining({
          data: expect.objectContaining({
            findings: [expect.objectContaining({ check: 'INDEX.STATED_CHANGE', stated: 3.71, computed: 3.7, against: expect.objectContaining({ period: '2021' }) })],
          }),
        }),
      ]);
  });
});
