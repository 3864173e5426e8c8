// How money and times look on screen, per language. Money stays integer cents everywhere else;
// it only turns into a decimal here, for display. Times are the shop's (Europe/Amsterdam) in
// both languages; English uses British conventions (24-hour clock, day before month).

import type { Lang } from './lang';

const LOCALES: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

const euroFormats = new Map<Lang, Intl.NumberFormat>();
const clockFormats = new Map<Lang, Intl.DateTimeFormat>();
const dateTimeFormats = new Map<Lang, Intl.DateTimeFormat>();

/** `1250` → `€ 12,50` (nl) or `€12.50` (en). */
export function formatEuro(cents: number, lang: Lang): string {
  let format = euroFormats.get(lang);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[lang], { style: 'currency', currency: 'EUR' });
    euroFormats.set(lang, format);
  }
  // Intl puts a no-break space after the euro sign in Dutch; a plain space reads and copies the same.
  return format.format(cents / 100).replace(/\u00a0/g, ' ');
}

/**
 * Times are shown in the shop's time zone (architecture: stored in UTC, shown in the shop's
 * zone), not the device's: a phone abroad or a kitchen PC set to UTC still reads shop time.
 */
export const SHOP_TIME_ZONE = 'Europe/Amsterdam';

/** A moment as the shop's wall-clock time, `18:03`. */
export function formatClock(moment: Date | string, lang: Lang): string {
  return formatMoment(moment, lang, clockFormats, { hour: '2-digit', minute: '2-digit' });
}

/** A moment as the shop's date and time, `25 nov 2026, 18:03` (nl), `25 Nov 2026, 18:03` (en). */
export function formatDateTime(moment: Date | string, lang: Lang): string {
  return formatMoment(moment, lang, dateTimeFormats, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** A moment in the shop's time zone with `fields`; each format is made once per language. */
function formatMoment(
  moment: Date | string,
  lang: Lang,
  cache: Map<Lang, Intl.DateTimeFormat>,
  fields: Intl.DateTimeFormatOptions,
): string {
  const date = typeof moment === 'string' ? new Date(moment) : moment;
  if (Number.isNaN(date.getTime())) return '';
  let format = cache.get(lang);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[lang], { ...fields, timeZone: SHOP_TIME_ZONE });
    cache.set(lang, format);
  }
  return format.format(date);
}
