import { OnlineServiceFigures } from '../figures';
import { agreement, Finding, finding, percentOf, roundTo, vi } from '../findings';
import { RecordedReport, refOf } from '../report';
import { checkShare, checkSum, checkWithin } from './check-helpers';
import { byDate, CheckContext } from './check-context';

type Earlier = RecordedReport<'online-services'>;

const onlineOf = (f: OnlineServiceFigures): number | undefined =>
  f.onlineTotal ?? (f.fullyOnline !== undefined && f.partlyOnline !== undefined ? f.fullyOnline + f.partlyOnline : undefined);

/** The share of online services a report gives: stated, or computed from its own counts. */
const onlineShareOf = (f: OnlineServiceFigures): number | undefined => {
  const online = onlineOf(f);
  return f.onlinePercent ?? (online !== undefined && f.servicesTotal ? percentOf(online, f.servicesTotal) : undefined);
};

/**
 * Online services: fully + partly online = online; stated shares against their counts (connected services and
 * services with dossiers are shares of the online services, as the indicators are defined); parts within wholes. Across the series: the same
 * count of online services stated as another share elsewhere, and a count of portal-connected services that falls.
 */
export function checkOnlineServices(f: OnlineServiceFigures, context: CheckContext<'online-services'>): Finding[] {
  const online = onlineOf(f);
  // Connected services and services with dossiers are online services: shares of those, where the report counts them.
  const onlineBase: readonly [string, number | undefined] = online !== undefined ? ['onlineTotal', online] : ['servicesTotal', f.servicesTotal];
  return [
    ...checkSum('ONLINE.ONLINE_PARTS', ['onlineTotal', f.onlineTotal], [
      ['fullyOnline', f.fullyOnline],
      ['partlyOnline', f.partlyOnline],
    ]),
    ...checkShare('ONLINE.ONLINE_SHARE', 'onlinePercent', f.onlinePercent, ['onlineTotal', online], ['servicesTotal', f.servicesTotal]),
    ...checkShare('ONLINE.CONNECTED_SHARE', 'connectedPercent', f.connectedPercent, ['connectedToPortal', f.connectedToPortal], onlineBase),
    ...checkShare('ONLINE.SERVICES_WITH_DOSSIERS_SHARE', 'servicesWithDossiersPercent', f.servicesWithDossiersPercent, ['servicesWithDossiers', f.servicesWithDossiers], onlineBase),
    ...checkWithin('ONLINE.PART_EXCEEDS_WHOLE', ['onlineTotal', online], ['servicesTotal', f.servicesTotal]),
    ...checkWithin('ONLINE.PART_EXCEEDS_WHOLE', ['connectedToPortal', f.connectedToPortal], onlineBase),
    ...checkWithin('ONLINE.PART_EXCEEDS_WHOLE', ['servicesWithDossiers', f.servicesWithDossiers], onlineBase),
    ...checkWithin('ONLINE.RANK_OUT_OF_RANGE', ['portalRank.rank', f.portalRank?.rank], ['portalRank.of', f.portalRank?.of]),
    ...sameCountOtherShare(f, context.earlier),
    ...connectedCountFalls(f, context),
  ];
}

/** Two reports naming the same number of online services must give it the same share of all services. */
function sameCountOtherShare(f: OnlineServiceFigures, earlier: readonly Earlier[]): Finding[] {
  const online = onlineOf(f);
  const share = onlineShareOf(f);
  if (online === undefined || share === undefined) return [];
  return earlier.flatMap((other) => {
    const otherShare = onlineShareOf(other.data.figures);
    if (onlineOf(other.data.figures) !== online || otherShare === undefined) return [];
    const verdicts = [agreement(share, otherShare), agreement(otherShare, share)];
    if (verdicts.includes('consistent')) return [];
    const severity = verdicts.includes('rounding') ? 'rounding' : 'discrepancy';
    const [here, there] = [roundTo(share, 2), roundTo(otherShare, 2)];
    const where = `${other.source ?? 'an earlier report'} (${other.data.period.label})`;
    return [
      finding('ONLINE.SAME_COUNT_OTHER_SHARE', severity, 'onlinePercent', share, otherShare, {
        en: `the same ${online} online services are ${here}% of all services here but ${there}% in ${where}`,
        vi: `cùng ${vi(online)} dịch vụ công trực tuyến nhưng ở đây chiếm ${vi(here)}%, còn trong ${where} chiếm ${vi(there)}%`,
      }, refOf(other)),
    ];
  });
}

/**
 * Services connected to the national portal are not expected to fall: where the count is lower than the nearest
 * report before it (or higher than the nearest after it, recorded earlier), either services were disconnected or
 * a figure is wrong, and the sources do not say which.
 */
function connectedCountFalls(f: OnlineServiceFigures, context: CheckContext<'online-services'>): Finding[] {
  const connected = f.connectedToPortal;
  if (connected === undefined) return [];
  const self = { effectiveDate: context.effectiveDate, position: Number.MAX_SAFE_INTEGER };
  const series = context.earlier.filter((r) => r.data.figures.connectedToPortal !== undefined).sort(byDate);
  const before = series.filter((r) => byDate(r, self) < 0).at(-1);
  const after = series.find((r) => byDate(r, self) > 0);
  const trail = [...series.map((r) => [r.data.figures.connectedToPortal!, r.effectiveDate] as const), [connected, context.effectiveDate] as const]
    .sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0));
  const trailEn = trail.map(([count, date]) => `${count} (${date})`).join(' → ');
  const trailVi = trail.map(([count, date]) => `${vi(count)} (${date})`).join(' → ');
  const fell = (from: Earlier, higher: number, lower: number, direction: 'before' | 'after'): Finding =>
    finding('ONLINE.CONNECTED_COUNT_FELL', 'discrepancy', 'connectedToPortal', connected, from.data.figures.connectedToPortal!, {
      en: `services connected to the national portal fell from ${higher} to ${lower} (${direction === 'before' ? 'since' : 'by'} ${from.source ?? 'another report'}): ${trailEn}`,
      vi: `số dịch vụ kết nối Cổng DVCQG giảm từ ${vi(higher)} xuống ${vi(lower)} (so với ${from.source ?? 'báo cáo khác'}): ${trailVi}`,
    }, refOf(from));
  return [
    ...(before && before.data.figures.connectedToPortal! > connected ? [fell(before, before.data.figures.connectedToPortal!, connected, 'before')] : []),
    ...(after && after.data.figures.connectedToPortal! < connected ? [fell(after, connected, after.data.figures.connectedToPortal!, 'after')] : []),
  ];
}
