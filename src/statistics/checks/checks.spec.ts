import { RecordedReport } from '../report';
import { checkAmounts } from './amounts.checks';
import { checkCatalogue } from './catalogue.checks';
import { CheckContext } from './check-context';
import { checkDossiers } from './dossier.checks';
import { checkIndexScore } from './index-score.checks';
import { checkOnlineServices } from './online-services.checks';
import { checkProcessingTimes } from './processing-times.checks';

const context = <K extends 'online-services' | 'index-scores'>(earlier: RecordedReport<K>[] = [], effectiveDate = '2022-12-31', to = effectiveDate): CheckContext<K> => ({
  earlier,
  effectiveDate,
  period: { label: 'kỳ', to },
});

const recorded = <K extends 'online-services' | 'index-scores'>(kind: K, figures: object, effectiveDate: string, source: string, position: number, to = effectiveDate): RecordedReport<K> =>
  ({ eventId: `e${position}`, position, effectiveDate, source, data: { kind, unit: 'Bình Phước', period: { label: `kỳ ${to}`, to }, figures, findings: [] } }) as unknown as RecordedReport<K>;

const checks = (findings: Array<{ check: string; severity: string; field: string; stated: number; computed: number }>) =>
  findings.map(({ check, severity, field, stated, computed }) => ({ check, severity, field, stated, computed }));

describe('consistency checks', () => {
  describe('dossier statistics', () => {
    it('finds the 7 provincial dossiers of H1 2022 that are neither resolved nor pending, and nothing else', () => {
      const findings = checkDossiers({ received: 226593, receivedNew: 204655, carriedOver: 21938, resolved: 183636, resolvedLate: 8148, latePercent: 4.44, pending: 42950, pendingOverdue: 1 });
      expect(checks(findings)).toEqual([{ check: 'DOSSIERS.RECEIVED_NOT_ACCOUNTED_FOR', severity: 'discrepancy', field: 'received', stated: 226593, computed: 226586 }]);
      expect(findings[0].difference).toBe(7);
      expect(findings[0].messageVi).toContain('226.593');
    });

    it('passes a balanced report, and the 2024 on-time shares', () => {
      expect(checkDossiers({ received: 88991, receivedNew: 88194, carriedOver: 797, resolved: 88478, resolvedLate: 919, latePercent: 1.04, pending: 513 })).toEqual([]);
      expect(checkDossiers({ resolved: 98942, resolvedOnTime: 98783, onTimePercent: 99.84, resolvedLate: 159, latePercent: 0.16 })).toEqual([]);
    });

    it('checks every stated part and share', () => {
      const found = checks(checkDossiers({ received: 100, receivedNew: 90, carriedOver: 5, resolved: 80, resolvedOnTime: 70, resolvedLate: 5, onTimePercent: 90, latePercent: 5, pending: 10, pendingOverdue: 11 }));
      expect(found.map((f) => f.check)).toEqual([
        'DOSSIERS.RECEIVED_PARTS',
        'DOSSIERS.RECEIVED_NOT_ACCOUNTED_FOR',
        'DOSSIERS.RESOLVED_PARTS',
        'DOSSIERS.LATE_SHARE',
        'DOSSIERS.ON_TIME_SHARE',
        'DOSSIERS.SHARES_NOT_100',
        'DOSSIERS.PART_EXCEEDS_WHOLE',
      ]);
    });

    it('counts late dossiers as the rest of resolved where only on-time ones are given', () =>
      expect(checks(checkDossiers({ resolved: 200, resolvedOnTime: 190, latePercent: 10 }))).toEqual([
        { check: 'DOSSIERS.LATE_SHARE', severity: 'discrepancy', field: 'latePercent', stated: 10, computed: 5 },
      ]));
  });

  describe('online services', () => {
    it('passes 1,651 of 1,784 services as 92.54% and 706 of 881 connected as 80%', () => {
      expect(checkOnlineServices({ servicesTotal: 1784, onlineTotal: 1651, onlinePercent: 92.54, connectedToPortal: 1437 }, context())).toEqual([]);
      expect(checkOnlineServices({ onlineTotal: 881, connectedToPortal: 706, connectedPercent: 80, digitisationPercent: 73.8 }, context())).toEqual([]);
      expect(checkOnlineServices({ onlineTotal: 881, connectedToPortal: 706, connectedPercent: 75 }, context())[0]).toMatchObject({ check: 'ONLINE.CONNECTED_SHARE', computed: 80.136209 });
    });

    it('counts services with dossiers as a share of the online services: 449 of 1,651 is 27.2%', () =>
      expect(checkOnlineServices({ onlineTotal: 1651, onlinePercent: 87.5, servicesWithDossiers: 449, servicesWithDossiersPercent: 27.2 }, context())).toEqual([]));

    it('finds the same 1,651 services given as 87.5% in one report and 92.54% of 1,784 in another, whichever is recorded first', () => {
      const june = recorded('online-services', { servicesTotal: 1784, onlineTotal: 1651, onlinePercent: 92.54 }, '2022-06-18', '002.txt', 1);
      const early = recorded('online-services', { onlineTotal: 1651, onlinePercent: 87.5 }, '2022-05-31', '003.txt', 1);
      const later = checks(checkOnlineServices({ onlineTotal: 1651, onlinePercent: 87.5 }, context([june], '2022-05-31')));
      expect(later).toEqual([{ check: 'ONLINE.SAME_COUNT_OTHER_SHARE', severity: 'discrepancy', field: 'onlinePercent', stated: 87.5, computed: 92.54 }]);
      const earlier = checks(checkOnlineServices({ servicesTotal: 1784, onlineTotal: 1651, onlinePercent: 92.54 }, context([early], '2022-06-18')));
      expect(earlier).toEqual([{ check: 'ONLINE.SAME_COUNT_OTHER_SHARE', severity: 'discrepancy', field: 'onlinePercent', stated: 92.54, computed: 87.5 }]);
    });

    it('finds a count of portal-connected services that falls: 1,437 → 1,476 → 1,468', () => {
      const series = [recorded('online-services', { connectedToPortal: 1437 }, '2022-06-18', '002.txt', 1), recorded('online-services', { connectedToPortal: 1476 }, '2022-09-16', '003.txt', 2)];
      expect(checkOnlineServices({ connectedToPortal: 1476 }, context(series.slice(0, 1), '2022-09-16'))).toEqual([]);
      const [fell] = checkOnlineServices({ connectedToPortal: 1468, fullyOnline: 1076, partlyOnline: 392, onlineTotal: 1468 }, context(series, '2023-06-30'));
      expect(fell).toMatchObject({ check: 'ONLINE.CONNECTED_COUNT_FELL', stated: 1468, computed: 1476, against: { source: '003.txt' } });
      expect(fell.message).toContain('1437 (2022-06-18) → 1476 (2022-09-16) → 1468 (2023-06-30)');
    });
  });

  describe('index scores', () => {
    const y2021 = recorded('index-scores', { index: 'PAR_INDEX', score: 88.81 }, '2021-12-31', '000.txt', 1);

    it('finds the stated rise of 3.71 where 92.51 − 88.81 is 3.70, from the score recorded for the year before', () => {
      const [found] = checkIndexScore({ index: 'PAR_INDEX', score: 92.51, statedChange: 3.71 }, context([y2021]));
      expect(found).toMatchObject({ check: 'INDEX.STATED_CHANGE', severity: 'discrepancy', stated: 3.71, computed: 3.7, against: { effectiveDate: '2021-12-31' } });
      expect(checkIndexScore({ index: 'PAR_INDEX', score: 92.47, previousScore: 85.93, statedChange: 6.54 }, context())).toEqual([]);
    });

    it('checks Decision 766 groups against the maxima the decision sets, and their scores against the total', () => {
      const groups = [
        { key: 'transparency', label: 'a', score: 10, maxScore: 18 },
        { key: 'progress', label: 'b', score: 10 },
        { key: 'online_services', label: 'c', score: 10 },
        { key: 'online_payment', label: 'd', score: 10, maxScore: 12 },
        { key: 'satisfaction', label: 'e', score: 10 },
        { key: 'digitisation', label: 'f', score: 10 },
      ];
      expect(checks(checkIndexScore({ index: 'SERVICE_INDEX_766', score: 61, rank: { rank: 64, of: 63 }, groups }, context())).map((f) => f.check)).toEqual([
        'INDEX.RANK_OUT_OF_RANGE',
        'INDEX.GROUP_MAX_NOT_AS_DEFINED',
        'INDEX.GROUP_MAXIMA_SUM',
        'INDEX.GROUP_SCORES_SUM',
      ]);
      expect(checkIndexScore({ index: 'SERVICE_INDEX_766', score: 81.61, rank: { rank: 29, of: 63 }, statedChange: 18.76, previousScore: 62.85 }, context())).toEqual([]);
    });

    it('checks rating bands against the units rated', () => {
      expect(checkIndexScore({ index: 'PAR_INDEX', ratings: { ofUnits: 31, good: 9, fair: 22, average: 0, weak: 0 } }, context())).toEqual([]);
      expect(checkIndexScore({ index: 'PAR_INDEX', ratings: { ofUnits: 30, good: 1, fair: 14 } }, context())).toEqual([]);
      expect(checks(checkIndexScore({ index: 'PAR_INDEX', ratings: { ofUnits: 31, good: 10, fair: 19, average: 1, weak: 0 } }, context()))).toEqual([
        { check: 'INDEX.RATINGS_SUM', severity: 'discrepancy', field: 'ratings.ofUnits', stated: 31, computed: 30 },
      ]);
    });
  });

  describe('money, catalogue and processing times', () => {
    it('finds the savings of 77.7 bn whose parts make 76.6, and passes the payments', () => {
      const parts = [30.4, 40.5, 5.7].map((amountBillionVnd, i) => ({ label: `phần ${i}`, amountBillionVnd }));
      expect(checks(checkAmounts({ amountBillionVnd: 77.7, parts }))).toEqual([
        { check: 'AMOUNTS.AMOUNT_PARTS', severity: 'discrepancy', field: 'amountBillionVnd', stated: 77.7, computed: 76.6 },
      ]);
      const payments = { transactions: 128216, amountBillionVnd: 750.6, parts: [{ label: 'phí', transactions: 20627, amountBillionVnd: 4.2 }, { label: 'đất đai', transactions: 107589, amountBillionVnd: 746.4 }] };
      expect(checkAmounts(payments)).toEqual([]);
    });

    it('passes 1,784 = 1,446 + 244 + 94 and 1,423 of 1,446 as 98%, and finds a level count that does not add up', () => {
      expect(checkCatalogue({ procedures: 1784, byLevel: { province: 1446, district: 244, commune: 94 }, verticalSectorByLevel: { province: 26, district: 6, commune: 14 }, interLevel: 53, atServiceCentre: { count: 1423, of: 1446, percent: 98 } })).toEqual([]);
      expect(checks(checkCatalogue({ procedures: 1784, byLevel: { province: 1446, district: 244, commune: 95 } }))[0]).toMatchObject({ check: 'CATALOGUE.LEVELS_SUM', stated: 1784, computed: 1785 });
    });

    it('shows 30.54% for 8,502 of 27,843.5 days as a double rounding, with the exact share beside it', () => {
      const found = checks(checkProcessingTimes({ statutoryDays: 27843.5, announcedDays: 19341.5, daysCut: 8502, percentCut: 30.54 }));
      expect(found).toEqual([{ check: 'PROCESSING.PERCENT_CUT', severity: 'rounding', field: 'percentCut', stated: 30.54, computed: 30.534954 }]);
      expect(checkProcessingTimes({ statutoryDays: 100, announcedDays: 55, percentCut: 40, percentIsLowerBound: true })).toEqual([]);
      expect(checks(checkProcessingTimes({ statutoryDays: 100, announcedDays: 70, daysCut: 20 }))[0]).toMatchObject({ check: 'PROCESSING.DAYS_CUT', stated: 100, computed: 90 });
    });
  });
});
