import { ProcessingTimeFigures } from '../figures';
import { Finding, finding, percentOf, vi } from '../findings';
import { checkShare, checkSum, checkWithin } from './check-helpers';

/**
 * Published processing-time totals: statutory = announced + cut; the stated share cut against the days (to the
 * exact ratio, so that a share rounded twice shows as such); announced within statutory. A share stated as a lower
 * bound ("trên 40%") is checked as one.
 */
export function checkProcessingTimes(f: ProcessingTimeFigures): Finding[] {
  const { statutoryDays, announcedDays } = f;
  const daysCut = f.daysCut ?? (statutoryDays !== undefined && announcedDays !== undefined ? statutoryDays - announcedDays : undefined);
  return [
    ...checkWithin('PROCESSING.ANNOUNCED_ABOVE_STATUTORY', ['announcedDays', announcedDays], ['statutoryDays', statutoryDays]),
    ...checkSum('PROCESSING.DAYS_CUT', ['statutoryDays', statutoryDays], [
      ['announcedDays', announcedDays],
      ['daysCut', f.daysCut],
    ]),
    ...(f.percentIsLowerBound ? checkLowerBound(f.percentCut, daysCut, statutoryDays) : checkShare('PROCESSING.PERCENT_CUT', 'percentCut', f.percentCut, ['daysCut', daysCut], ['statutoryDays', statutoryDays])),
  ];
}

function checkLowerBound(percentCut: number | undefined, daysCut: number | undefined, statutoryDays: number | undefined): Finding[] {
  if (percentCut === undefined || daysCut === undefined || !statutoryDays) return [];
  const computed = percentOf(daysCut, statutoryDays);
  if (computed > percentCut) return [];
  return [
    finding('PROCESSING.PERCENT_CUT', 'discrepancy', 'percentCut', percentCut, computed, {
      en: `percentCut is stated as over ${percentCut}% but ${daysCut} of ${statutoryDays} days is ${computed}%`,
      vi: `tỷ lệ cắt giảm được nêu là trên ${vi(percentCut)}% nhưng ${vi(daysCut)} trên ${vi(statutoryDays)} ngày là ${vi(computed)}%`,
    }),
  ];
}
