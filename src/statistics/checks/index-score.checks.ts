import { IndexScoreFigures, RATINGS } from '../figures';
import { agreement, Finding, finding, roundTo, vi } from '../findings';
import { refOf } from '../report';
import { SERVICE_INDEX_766_GROUPS, SERVICE_INDEX_766_MAX_SCORE } from '../service-index-766';
import { checkSum, checkWithin } from './check-helpers';
import { CheckContext } from './check-context';

const definedMax = (f: IndexScoreFigures, key: string): number | undefined =>
  f.index === 'SERVICE_INDEX_766' ? SERVICE_INDEX_766_GROUPS.find((g) => g.key === key)?.maxScore : undefined;

/**
 * Index scores: score within the maximum, rank within the field; groups with points add up to the score and their
 * maxima to the maximum (Decision 766's maxima as the decision sets them); rating bands add up to the units rated;
 * a stated change against the previous score, stated beside it or recorded in the series for an earlier period.
 */
export function checkIndexScore(f: IndexScoreFigures, context: CheckContext<'index-scores'>): Finding[] {
  const maxScore = f.maxScore ?? (f.index === 'SERVICE_INDEX_766' ? SERVICE_INDEX_766_MAX_SCORE : undefined);
  const groups = (f.groups ?? []).map((g) => ({ ...g, maxScore: g.maxScore ?? definedMax(f, g.key) }));
  // Only groups counted in points add up to the score; SIPAS sub-indices and PAPI ranks do not.
  const additive = groups.length > 0 && groups.every((g) => g.maxScore !== undefined);
  return [
    ...checkWithin('INDEX.SCORE_ABOVE_MAX', ['score', f.score], ['maxScore', maxScore]),
    ...checkWithin('INDEX.RANK_OUT_OF_RANGE', ['rank.rank', f.rank?.rank], ['rank.of', f.rank?.of]),
    ...groups.flatMap((g) => [
      ...checkWithin('INDEX.SCORE_ABOVE_MAX', [`groups.${g.key}.score`, g.score], [`groups.${g.key}.maxScore`, g.maxScore]),
      ...checkWithin('INDEX.RANK_OUT_OF_RANGE', [`groups.${g.key}.rank.rank`, g.rank?.rank], [`groups.${g.key}.rank.of`, g.rank?.of]),
      ...groupMaxAsDefined(f, g.key, (f.groups ?? []).find((stated) => stated.key === g.key)?.maxScore),
    ]),
    ...(additive ? checkSum('INDEX.GROUP_MAXIMA_SUM', ['maxScore', maxScore], groups.map((g) => [`groups.${g.key}.maxScore`, g.maxScore] as const)) : []),
    ...(additive && groups.every((g) => g.score !== undefined)
      ? checkSum('INDEX.GROUP_SCORES_SUM', ['score', f.score], groups.map((g) => [`groups.${g.key}.score`, g.score] as const))
      : []),
    ...checkRatings(f),
    ...checkStatedChange(f, context),
  ];
}

function groupMaxAsDefined(f: IndexScoreFigures, key: string, stated: number | undefined): Finding[] {
  const defined = definedMax(f, key);
  if (stated === undefined || defined === undefined || stated === defined) return [];
  return [
    finding('INDEX.GROUP_MAX_NOT_AS_DEFINED', 'discrepancy', `groups.${key}.maxScore`, stated, defined, {
      en: `group ${key} is out of ${stated} points but Decision 766 sets ${defined}`,
      vi: `nhóm ${key} được nêu tối đa ${vi(stated)} điểm nhưng Quyết định 766 quy định ${vi(defined)} điểm`,
    }),
  ];
}

function checkRatings(f: IndexScoreFigures): Finding[] {
  const ratings = f.ratings;
  if (!ratings) return [];
  const given = RATINGS.filter((r) => ratings[r] !== undefined).map((r) => [`ratings.${r}`, ratings[r]] as const);
  if (given.length === RATINGS.length) return checkSum('INDEX.RATINGS_SUM', ['ratings.ofUnits', ratings.ofUnits], given);
  // Some bands not given ("the rest are average or weak"): the given ones may not exceed the units rated.
  const rated = given.reduce((sum, [, n]) => sum + n!, 0);
  return checkWithin('INDEX.RATINGS_SUM', [given.map(([name]) => name).join(' + '), rated], ['ratings.ofUnits', ratings.ofUnits]);
}

/** "Tăng 3,71%": the stated change against the score minus the previous one. */
function checkStatedChange(f: IndexScoreFigures, context: CheckContext<'index-scores'>): Finding[] {
  if (f.statedChange === undefined || f.score === undefined) return [];
  const previousReport =
    f.previousScore === undefined
      ? context.earlier
          .filter((r) => r.data.figures.score !== undefined && r.data.period.to < context.period.to)
          .sort((a, b) => (a.data.period.to < b.data.period.to ? -1 : a.data.period.to > b.data.period.to ? 1 : a.position - b.position))
          .at(-1)
      : undefined;
  const previous = f.previousScore ?? previousReport?.data.figures.score;
  if (previous === undefined) return [];
  const computed = f.score - previous;
  const verdict = agreement(f.statedChange, computed);
  if (verdict === 'consistent') return [];
  const shown = roundTo(computed, 4);
  const from = previousReport ? ` (${previousReport.data.period.label}, ${previousReport.source ?? 'recorded earlier'})` : '';
  return [
    finding('INDEX.STATED_CHANGE', verdict, 'statedChange', f.statedChange, computed, {
      en: `the change is stated as ${f.statedChange} but ${f.score} − ${previous}${from} = ${shown}`,
      vi: `mức tăng được nêu là ${vi(f.statedChange)} nhưng ${vi(f.score)} − ${vi(previous)}${from} = ${vi(shown)}`,
    }, previousReport && refOf(previousReport)),
  ];
}
