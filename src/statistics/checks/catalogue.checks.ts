import { LEVELS } from '../../procedures/procedure';
import { CatalogueFigures, CountOf } from '../figures';
import { Finding } from '../findings';
import { checkShare, checkSum, checkWithin } from './check-helpers';

function checkCountOf(name: string, value: CountOf | undefined): Finding[] {
  if (!value) return [];
  return [
    ...checkWithin('CATALOGUE.PART_EXCEEDS_WHOLE', [`${name}.count`, value.count], [`${name}.of`, value.of]),
    ...checkShare('CATALOGUE.SHARE', `${name}.percent`, value.percent, [`${name}.count`, value.count], [`${name}.of`, value.of]),
  ];
}

/**
 * Published catalogue counts: procedures by level against the total (the levels listed are taken to be all of them
 * when there are two or more), vertical-sector and inter-level procedures within their wholes, stated shares.
 */
export function checkCatalogue(f: CatalogueFigures): Finding[] {
  const levels = LEVELS.filter((level) => f.byLevel?.[level] !== undefined);
  const byLevel = levels.map((level) => [`byLevel.${level}`, f.byLevel![level]] as const);
  return [
    ...(levels.length >= 2
      ? checkSum('CATALOGUE.LEVELS_SUM', ['procedures', f.procedures], byLevel)
      : byLevel.flatMap((part) => checkWithin('CATALOGUE.PART_EXCEEDS_WHOLE', part, ['procedures', f.procedures]))),
    ...LEVELS.flatMap((level) =>
      checkWithin('CATALOGUE.PART_EXCEEDS_WHOLE', [`verticalSectorByLevel.${level}`, f.verticalSectorByLevel?.[level]], [`byLevel.${level}`, f.byLevel?.[level]]),
    ),
    ...checkWithin('CATALOGUE.PART_EXCEEDS_WHOLE', ['interLevel', f.interLevel], ['procedures', f.procedures]),
    ...checkCountOf('atServiceCentre', f.atServiceCentre),
    ...checkCountOf('fourOnTheSpot', f.fourOnTheSpot),
    ...checkCountOf('publishedNationally', f.publishedNationally),
    ...checkWithin('CATALOGUE.PART_EXCEEDS_WHOLE', ['agencies.allAtServiceCentre', f.agencies?.allAtServiceCentre], ['agencies.count', f.agencies?.count]),
    ...(f.oneStopDesks ?? []).flatMap((desk, i) => checkWithin('CATALOGUE.PART_EXCEEDS_WHOLE', [`oneStopDesks[${i}].count`, desk.count], [`oneStopDesks[${i}].of`, desk.of])),
  ];
}
