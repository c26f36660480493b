import { Transform } from 'class-transformer';
import { normalizeKnownAt } from '../projection/event-filter';
import { IsDefined, registerDecorator, ValidationOptions } from 'class-validator';

/** A real calendar date written `YYYY-MM-DD` (2022-02-30 is refused). */
export function IsIsoDate(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isIsoDate',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ property }) => `${property} must be a calendar date written YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value) },
    });
}

/** `YYYY-MM-DD` naming a day that exists: what IsIsoDate checks, for callers outside a request body (the CLI). */
export function isCalendarDate(value: string): boolean {
  // Checked by arithmetic: a Date built and formatted again for each date cost more than the rest of a field's checks.
  if (value.length !== 10 || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Days in a month of the Gregorian calendar, as Date counts them for every year (proleptic before 1582). */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** Processing times are counted in working days, to the half day (27843.5 is fine, 2.25 is not). */
export function IsHalfDays(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isHalfDays',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ property }) => `${property} must be a number of days in steps of 0.5`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'number' && Number.isFinite(value) && Number.isInteger(value * 2) },
    });
}

/**
 * Vietnamese text arrives in composed or decomposed Unicode depending on the keyboard; store one form (NFC), trimmed,
 * so that "Đồng Nai" typed two ways is one agency.
 */
export const NormalizedText = (): PropertyDecorator =>
  Transform(({ value }) => (typeof value === 'string' ? value.normalize('NFC').replace(/\s+/g, ' ').trim() : value));

/**
 * Keys already computed. The catalogue's indexes ask for the key of the field and agency of every document they
 * write, out of a few hundred distinct names, and normalising and lower-casing with a locale took a twentieth of a
 * rebuild. Emptied when full, so that it stays small whatever text comes.
 */
const textKeys = new Map<string, string>();

/** Compares Vietnamese text the way an officer would: same letters and marks, any case. */
export function textKey(text: string): string {
  let key = textKeys.get(text);
  if (key === undefined) {
    if (textKeys.size >= 10_000) textKeys.clear();
    key = text.normalize('NFC').replace(/\s+/g, ' ').trim().toLocaleLowerCase('vi');
    textKeys.set(text, key);
  }
  return key;
}

/**
 * A field that must be present. Put it last (nearest the property): it is then checked first, so a missing field
 * is reported as missing rather than as too long or of the wrong type.
 */
export const Required = (): PropertyDecorator => IsDefined({ message: ({ property }) => `${property} is required` });

/** A moment written in ISO 8601 with its time zone (`2022-12-31T17:00:00Z`), or a date meaning the end of that day. */
export function IsKnownAt(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isKnownAt',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: ({ property }) => `${property} must be an ISO timestamp with a time zone, or a date YYYY-MM-DD`, ...options },
      validator: { validate: (value: unknown) => typeof value === 'string' && normalizeKnownAt(value) !== undefined },
    });
}
