/**
 * Dates as people read them, through the platform's `Intl` (CLDR data): Vietnamese
 * `01/03/2026` (day first, as in official documents, HD 36-HD/VPTW), English `1 March 2026`
 * (day first like every date field, month spelled out so the order is never ambiguous).
 */

/** Formats an ISO `YYYY-MM-DD` date for `locale` (`vi` or `en`); anything else is returned as is. */
export function displayDate(iso: string, locale: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const when = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const options: Intl.DateTimeFormatOptions =
    locale === 'vi'
      ? { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' }
      : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', options).format(when);
}
