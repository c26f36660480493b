import { DossierFigures } from '../figures';
import { Finding } from '../findings';
import { checkComplement, checkShare, checkSum, checkWithin } from './check-helpers';

const sumOf = (a: number | undefined, b: number | undefined): number | undefined => (a !== undefined && b !== undefined ? a + b : undefined);
const restOf = (whole: number | undefined, part: number | undefined): number | undefined => (whole !== undefined && part !== undefined ? whole - part : undefined);

/**
 * Dossier statistics: received = new + carried over; received = resolved + pending; resolved = on time + late;
 * the stated shares of on-time and late dossiers against the counts; parts within their wholes.
 */
export function checkDossiers(f: DossierFigures): Finding[] {
  const received: readonly [string, number | undefined] =
    f.received !== undefined ? ['received', f.received] : ['receivedNew + carriedOver', sumOf(f.receivedNew, f.carriedOver)];
  // Where only one of on time and late is counted, the other is the rest of resolved.
  const onTime = f.resolvedOnTime ?? restOf(f.resolved, f.resolvedLate);
  const late = f.resolvedLate ?? restOf(f.resolved, f.resolvedOnTime);
  return [
    ...checkSum('DOSSIERS.RECEIVED_PARTS', ['received', f.received], [
      ['receivedNew', f.receivedNew],
      ['carriedOver', f.carriedOver],
    ]),
    ...checkSum('DOSSIERS.RECEIVED_NOT_ACCOUNTED_FOR', received, [
      ['resolved', f.resolved],
      ['pending', f.pending],
    ]),
    ...checkSum('DOSSIERS.RESOLVED_PARTS', ['resolved', f.resolved], [
      ['resolvedOnTime', f.resolvedOnTime],
      ['resolvedLate', f.resolvedLate],
    ]),
    ...checkShare('DOSSIERS.LATE_SHARE', 'latePercent', f.latePercent, ['resolvedLate', late], ['resolved', f.resolved]),
    ...checkShare('DOSSIERS.ON_TIME_SHARE', 'onTimePercent', f.onTimePercent, ['resolvedOnTime', onTime], ['resolved', f.resolved]),
    ...checkComplement('DOSSIERS.SHARES_NOT_100', 'onTimePercent', f.onTimePercent, f.latePercent),
    ...checkWithin('DOSSIERS.PART_EXCEEDS_WHOLE', ['pendingOverdue', f.pendingOverdue], ['pending', f.pending]),
    // With pending given, resolved against received is the sum check above.
    ...(f.pending === undefined ? checkWithin('DOSSIERS.PART_EXCEEDS_WHOLE', ['resolved', f.resolved], received) : []),
    ...(f.resolvedOnTime === undefined ? checkWithin('DOSSIERS.PART_EXCEEDS_WHOLE', ['resolvedLate', f.resolvedLate], ['resolved', f.resolved]) : []),
    ...(f.resolvedLate === undefined ? checkWithin('DOSSIERS.PART_EXCEEDS_WHOLE', ['resolvedOnTime', f.resolvedOnTime], ['resolved', f.resolved]) : []),
  ];
}
