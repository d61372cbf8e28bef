/**
 * The rules behind `DateInput.svelte`, kept apart so they can be tested without a window.
 *
 * Values cross the IPC boundary as ISO `YYYY-MM-DD` strings (what the Rust documents hold);
 * inside the picker they are `@internationalized/date` `CalendarDate`s (proleptic Gregorian,
 * no time zone, so a date never shifts by a day across a UTC offset).
 */
import { CalendarDate, type DateValue } from '@internationalized/date';
import type { Locale } from '$lib/i18n/i18n.svelte';

/**
 * The BCP 47 locale the field and its calendar are drawn in, whatever the system locale:
 * Vietnamese `vi-VN` (dd/mm/yyyy, as in official documents, HD 36-HD/VPTW) and British English
 * `en-GB` (also day first, so "05/03/2026" is 5 March in both languages).
 */
export function pickerLocale(locale: Locale): string {
  return locale === 'vi' ? 'vi-VN' : 'en-GB';
}

/** `YYYY-MM-DD` → date; blank or malformed (including 2026-02-31) → `undefined`. */
export function parseIso(iso: string | null | undefined): CalendarDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso ?? '');
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return new CalendarDate(y, mo, d);
}

/** Date → `YYYY-MM-DD` (four-digit year, zero-padded). */
export function toIso(d: DateValue): string {
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  return `${p(d.year, 4)}-${p(d.month, 2)}-${p(d.day, 2)}`;
}

/** Days in `month` (1–12) of `year`, Gregorian leap years. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** What is wrong with what was typed in the field, if anything. */
export type DateProblem =
  /** Day, month and year typed but no such day: 31/02, 29/02 of a common year. */
  | { kind: 'impossible'; day: number; month: number; year: number; days: number }
  /** Some parts typed, some not (a date cannot be half blank). */
  | { kind: 'incomplete' };

/**
 * Checks the day the user typed against the date the picker holds. The picker shortens an
 * impossible day to the month's last (31/02 → 28/02); `typedDay` is the day as typed, so that
 * this is reported instead of a silently different date.
 */
export function problemOf(
  value: DateValue | undefined,
  typedDay: number | null,
  filledParts: number,
): DateProblem | null {
  if (value && typedDay !== null) {
    const days = daysInMonth(value.year, value.month);
    if (typedDay > days) {
      return { kind: 'impossible', day: typedDay, month: value.month, year: value.year, days };
    }
  }
  if (!value && filledParts > 0) return { kind: 'incomplete' };
  return null;
}

