import { labelVi } from '../field-labels';
import { agreement, Finding, finding, percentOf, roundTo, sumAgreement, vi } from '../findings';

/** The building blocks of every check: a share of a count, a sum of parts, a part within its whole. */

type Named = readonly [name: string, value: number | undefined];

const known = (pairs: readonly Named[]): pairs is ReadonlyArray<readonly [string, number]> => pairs.every(([, value]) => value !== undefined);

/** A stated percentage against part / whole; nothing to check unless all three are given. */
export function checkShare(check: string, field: string, stated: number | undefined, part: Named, whole: Named): Finding[] {
  if (stated === undefined || part[1] === undefined || whole[1] === undefined || whole[1] === 0) return [];
  const computed = percentOf(part[1], whole[1]);
  const verdict = agreement(stated, computed);
  if (verdict === 'consistent') return [];
  const shown = roundTo(computed, 4);
  return [
    finding(check, verdict, field, stated, computed, {
      en: `${field} is stated as ${stated}% but ${part[0]} ${part[1]} of ${whole[0]} ${whole[1]} is ${shown}%${verdict === 'rounding' ? ' (the stated figure rounds it twice)' : ''}`,
      vi: `${labelVi(field)} được nêu là ${vi(stated)}% nhưng ${labelVi(part[0])} ${vi(part[1])} trên ${labelVi(whole[0])} ${vi(whole[1])} là ${vi(shown)}%${verdict === 'rounding' ? ' (số nêu đã làm tròn hai lần)' : ''}`,
    }),
  ];
}

/** A stated total against the sum of its stated parts; nothing to check unless the total and every part are given. */
export function checkSum(check: string, total: Named, parts: readonly Named[]): Finding[] {
  const [field, stated] = total;
  if (stated === undefined || parts.length === 0 || !known(parts)) return [];
  const values = parts.map(([, value]) => value);
  const verdict = sumAgreement(stated, values);
  if (verdict === 'consistent') return [];
  const computed = values.reduce((a, b) => a + b, 0);
  const names = parts.map(([name]) => name).join(' + ');
  const namesVi = parts.map(([name]) => labelVi(name)).join(' + ');
  const sum = roundTo(computed, 6);
  const gap = roundTo(stated - computed, 6);
  return [
    finding(check, verdict, field, stated, computed, {
      en: `${field} is stated as ${stated} but ${names} = ${values.join(' + ')} = ${sum} (${gap > 0 ? `${gap} unaccounted for` : `${-gap} too many`})`,
      vi: `${labelVi(field)} được nêu là ${vi(stated)} nhưng ${namesVi} = ${values.map(vi).join(' + ')} = ${vi(sum)} (${gap > 0 ? `chênh ${vi(gap)} không rõ` : `thừa ${vi(-gap)}`})`,
    }),
  ];
}

/** A part may not exceed its whole (pending overdue within pending, connected services within all services). */
export function checkWithin(check: string, part: Named, whole: Named): Finding[] {
  const [field, stated] = part;
  if (stated === undefined || whole[1] === undefined || stated <= whole[1]) return [];
  return [
    finding(check, 'discrepancy', field, stated, whole[1], {
      en: `${field} (${stated}) exceeds ${whole[0]} (${whole[1]})`,
      vi: `${labelVi(field)} (${vi(stated)}) vượt quá ${labelVi(whole[0])} (${vi(whole[1])})`,
    }),
  ];
}

/** Two stated percentages that must make 100 (on time and late). */
export function checkComplement(check: string, field: string, a: number | undefined, b: number | undefined): Finding[] {
  if (a === undefined || b === undefined) return [];
  const verdict = agreement(a, 100 - b);
  if (verdict === 'consistent') return [];
  return [
    finding(check, verdict, field, a, 100 - b, {
      en: `${field} (${a}%) and its complement (${b}%) do not make 100%`,
      vi: `${labelVi(field)} (${vi(a)}%) và phần còn lại (${vi(b)}%) không cộng thành 100%`,
    }),
  ];
}
