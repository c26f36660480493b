import { ReportRef } from './report';
import { viNumber } from './vi-number';

/**
 * A figure that does not agree with the others. `discrepancy`: the figures contradict each other beyond any
 * rounding; `rounding`: the stated figure is what rounding twice gives (30.53495… → 30.535 → 30.54), so it is
 * shown beside the computed one rather than counted as an error.
 */
export type FindingSeverity = 'discrepancy' | 'rounding';

export interface Finding {
  /** Machine-readable rule, e.g. `DOSSIERS.RECEIVED_NOT_ACCOUNTED_FOR`. */
  readonly check: string;
  readonly severity: FindingSeverity;
  /** The stated figure found wanting, as a path in the report's figures. */
  readonly field: string;
  readonly stated: number;
  /** What the other figures give. */
  readonly computed: number;
  /** stated − computed. */
  readonly difference: number;
  readonly message: string;
  readonly messageVi: string;
  /** The other report the figure was compared with, for checks across reports. */
  readonly against?: ReportRef;
}

/** Floating-point noise allowed on top of a rounding tolerance. */
const EPSILON = 1e-9;

/** Decimals a stated figure is given to: 92.54 → 2, 98 → 0. */
export function decimalsOf(value: number): number {
  const [, fraction = ''] = String(value).split('.');
  return fraction.length;
}

/** Rounds in decimal, not in binary: 1.005 to 2 decimals is 1.01. */
export const roundTo = (value: number, decimals: number): number => Number(`${Math.round(Number(`${value}e${decimals}`))}e-${decimals}`);

/** Computed figures are kept to six decimals: enough to show why a stated one differs, without binary noise. */
export const tidy = (value: number): number => roundTo(value, 6);

export type Agreement = 'consistent' | 'rounding' | 'discrepancy';

/**
 * Does a stated figure agree with the computed one, at the precision it is stated to? A figure stated to d decimals
 * agrees when it is within half a unit of its last decimal; it is a rounding artefact when rounding the computed value
 * first to d + 1 decimals, then to d, gives it.
 */
export function agreement(stated: number, computed: number): Agreement {
  const half = 0.5 * 10 ** -decimalsOf(stated);
  if (Math.abs(stated - computed) <= half + EPSILON) return 'consistent';
  if (Math.abs(stated - roundTo(computed, decimalsOf(stated) + 1)) <= half + EPSILON) return 'rounding';
  return 'discrepancy';
}

/**
 * Does a stated total agree with the sum of its stated parts? Whole counts must add up exactly. Amounts given to d
 * decimals may each be off by half a unit, so a gap within that, part by part, is rounding; beyond it, a discrepancy.
 */
export function sumAgreement(total: number, parts: readonly number[]): Agreement {
  const decimals = Math.max(decimalsOf(total), ...parts.map(decimalsOf));
  const gap = Math.abs(total - parts.reduce((a, b) => a + b, 0));
  const half = 0.5 * 10 ** -decimals;
  if (gap <= (decimals === 0 ? 0 : half) + EPSILON) return 'consistent';
  if (decimals > 0 && gap <= (parts.length + 1) * half + EPSILON) return 'rounding';
  return 'discrepancy';
}

export interface FindingText {
  readonly en: string;
  readonly vi: string;
}

export function finding(
  check: string,
  severity: FindingSeverity,
  field: string,
  stated: number,
  computed: number,
  text: FindingText,
  against?: ReportRef,
): Finding {
  return {
    check,
    severity,
    field,
    stated,
    computed: tidy(computed),
    difference: tidy(stated - computed),
    message: text.en,
    messageVi: text.vi,
    ...(against && { against }),
  };
}

/** Numbers in Vietnamese messages, as officers write them. */
export const vi = (value: number): string => viNumber(value, 6);

/** A percentage of a count, 0 when there is nothing to divide by. */
export const percentOf = (part: number, whole: number): number => (whole === 0 ? 0 : (part / whole) * 100);
