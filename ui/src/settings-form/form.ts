// The shop's settings as the wizard and the settings page edit them: text the owner types
// (times, euro amounts, postcodes) kept as typed, converted to and from the wire's SettingsDto.
// Only what cannot be sent at all is caught here (an amount that is not an amount); every rule of
// the shop (VAT number, overlapping hours, zones) is the server's, and its answer names the field.

import type { ExceptionDto, PeriodDto, SettingsDto, Weekday, ZoneDto } from '../api/types';
import type { Lang } from '../i18n/lang';
import type { LocalText } from '../i18n/messages';
import { centsFromEuroText, euroText, minutesFromText } from './amounts';
import { inputIds, type FieldErrors } from './inputs';
import { postcodeList, postcodeText } from './postcodes';
import { formText } from './text';

export const WEEKDAYS: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** "maandag", "Monday". */
export function weekdayName(weekday: Weekday, lang: Lang): string {
  // Typed as the wire's weekdays: a day the catalogue lacks does not compile.
  const names: Record<Weekday, string> = formText[lang].weekday;
  return names[weekday];
}

/** What a day that opens gets when it had no times yet: a usual pizzeria evening. */
const EVENING: PeriodForm = { open: '16:00', close: '22:00' };

export interface PeriodForm {
  open: string;
  close: string;
}

export interface DayForm {
  weekday: Weekday;
  open: boolean;
  /** Kept while the day is closed, so closing and reopening a day loses nothing. */
  periods: PeriodForm[];
}

export interface ZoneForm {
  id: number;
  name: string;
  postcodes: string;
  fee: string;
  minimum: string;
  extraMinutes: string;
}

export interface ShopForm {
  name: string;
  address: string;
  phone: string;
  vatNumber: string;
  days: DayForm[];
  pickup: boolean;
  delivery: boolean;
  prepTime: string;
  zones: ZoneForm[];
  /** Settings these pages do not edit, sent back as they came. */
  kept: { time_zone: string; exceptions: ExceptionDto[]; paused: boolean };
}

export function formFromSettings(settings: SettingsDto): ShopForm {
  const days = WEEKDAYS.map((weekday): DayForm => {
    const periods = settings.hours
      .filter((period) => period.weekday === weekday)
      .map(({ open, close }) => ({ open, close }));
    return periods.length > 0
      ? { weekday, open: true, periods }
      : { weekday, open: false, periods: [{ ...EVENING }] };
  });
  return {
    name: settings.name,
    address: settings.address,
    phone: settings.phone,
    vatNumber: settings.vat_number,
    days,
    pickup: settings.pickup_enabled,
    delivery: settings.delivery_enabled,
    prepTime: String(settings.prep_time_minutes),
    zones: settings.zones.map(zoneForm),
    kept: {
      time_zone: settings.time_zone,
      // Left out of a request means none; the server always sends the list.
      exceptions: settings.exceptions ?? [],
      paused: settings.paused ?? false,
    },
  };
}

function zoneForm(zone: ZoneDto): ZoneForm {
  return {
    id: zone.id,
    name: zone.name,
    postcodes: postcodeText(zone.postcodes),
    fee: euroText(zone.fee_cents),
    minimum: euroText(zone.minimum_order_cents),
    extraMinutes: String(zone.extra_minutes),
  };
}

export type Conversion = { ok: true; settings: SettingsDto } | { ok: false; errors: FieldErrors };

/** The SettingsDto to send, or what must be fixed first (keyed by input id). */
export function settingsFromForm(form: ShopForm): Conversion {
  const errors: FieldErrors = {};
  const hours: PeriodDto[] = [];
  for (const [weekday, period, index] of sentPeriods(form)) {
    const open = clockTime(period.open, 'open');
    const close = clockTime(period.close, 'close');
    if (open === null) errors[inputIds.periodOpen(weekday, index)] = timeProblem(period.open);
    if (close === null) errors[inputIds.periodClose(weekday, index)] = timeProblem(period.close);
    hours.push({ weekday, open: open ?? period.open, close: close ?? period.close });
  }
  const prep = minutesFromText(form.prepTime);
  if (prep === null) errors[inputIds.prepTime] = MINUTES_PROBLEM;
  const zones = form.zones.map((zone, index): ZoneDto => {
    const fee = centsFromEuroText(zone.fee);
    const minimum = centsFromEuroText(zone.minimum);
    const extra = zone.extraMinutes.trim() === '' ? 0 : minutesFromText(zone.extraMinutes);
    if (fee === null) errors[inputIds.zoneFee(index)] = AMOUNT_PROBLEM;
    if (minimum === null) errors[inputIds.zoneMinimum(index)] = AMOUNT_PROBLEM;
    if (extra === null) errors[inputIds.zoneExtraMinutes(index)] = MINUTES_PROBLEM;
    return {
      id: zone.id,
      name: zone.name.trim(),
      postcodes: postcodeList(zone.postcodes),
      fee_cents: fee ?? 0,
      minimum_order_cents: minimum ?? 0,
      extra_minutes: extra ?? 0,
    };
  });
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    settings: {
      name: form.name.trim(),
      address: form.address.trim(),
      phone: form.phone.trim(),
      vat_number: form.vatNumber.trim(),
      time_zone: form.kept.time_zone,
      hours,
      exceptions: form.kept.exceptions,
      zones,
      prep_time_minutes: prep ?? 0,
      paused: form.kept.paused,
      pickup_enabled: form.pickup,
      delivery_enabled: form.delivery,
    },
  };
}

const AMOUNT_PROBLEM: LocalText = (lang) => formText[lang].typed.amount;
const MINUTES_PROBLEM: LocalText = (lang) => formText[lang].typed.minutes;

function timeProblem(text: string): LocalText {
  const typed = text.trim();
  return (lang) =>
    typed === '' ? formText[lang].typed.timeEmpty : formText[lang].typed.notATime(typed);
}

/**
 * The periods sent to the server, in the order the server numbers them (`hours[3]` in its
 * answer is the fourth of these): open days only, Monday first.
 */
export function sentPeriods(form: ShopForm): [Weekday, PeriodForm, number][] {
  return form.days
    .filter((day) => day.open)
    .flatMap((day) =>
      day.periods.map((p, i): [Weekday, PeriodForm, number] => [day.weekday, p, i]),
    );
}

/**
 * A time as typed ("16:00", "16.00", "1600", "9:30", "16") as the server writes it ("16:00");
 * `null` when it is not a time. A closing time of 00:00 means midnight, which the server writes
 * as 24:00.
 */
export function clockTime(text: string, part: 'open' | 'close'): string | null {
  const match = /^(\d{1,2})(?:[:.]?(\d{2}))?$/.exec(text.trim());
  if (!match?.[1]) return null;
  const hours = Number(match[1]);
  const minutes = Number(match[2] ?? '0');
  if (minutes > 59 || hours > 24 || (hours === 24 && minutes > 0)) return null;
  if (part === 'close' && hours === 0 && minutes === 0) return '24:00';
  return `${String(hours).padStart(2, '0')}:${String(minutes).padStart(2, '0')}`;
}

// --- edits: each returns a new form -----------------------------------------------------------

function withDay(form: ShopForm, weekday: Weekday, change: (day: DayForm) => DayForm): ShopForm {
  return { ...form, days: form.days.map((day) => (day.weekday === weekday ? change(day) : day)) };
}

export function setDayOpen(form: ShopForm, weekday: Weekday, open: boolean): ShopForm {
  return withDay(form, weekday, (day) => ({
    ...day,
    open,
    periods: day.periods.length > 0 ? day.periods : [{ ...EVENING }],
  }));
}

/** Another period on a day (lunch and dinner): empty, for the owner to fill in. */
export function addPeriod(form: ShopForm, weekday: Weekday): ShopForm {
  return withDay(form, weekday, (day) => ({
    ...day,
    periods: [...day.periods, { open: '', close: '' }],
  }));
}

/** Removes a period; removing a day's only period closes the day instead. */
export function removePeriod(form: ShopForm, weekday: Weekday, index: number): ShopForm {
  return withDay(form, weekday, (day) =>
    day.periods.length <= 1
      ? { ...day, open: false }
      : { ...day, periods: day.periods.filter((_, i) => i !== index) },
  );
}

export function setPeriod(
  form: ShopForm,
  weekday: Weekday,
  index: number,
  part: keyof PeriodForm,
  value: string,
): ShopForm {
  return withDay(form, weekday, (day) => ({
    ...day,
    periods: day.periods.map((p, i) => (i === index ? { ...p, [part]: value } : p)),
  }));
}

/** A new, empty delivery zone; its id is new among the shop's zones. */
export function addZone(form: ShopForm): ShopForm {
  const id = form.zones.reduce((max, zone) => Math.max(max, zone.id), 0) + 1;
  const zone: ZoneForm = { id, name: '', postcodes: '', fee: '', minimum: '', extraMinutes: '' };
  return { ...form, zones: [...form.zones, zone] };
}

export function removeZone(form: ShopForm, index: number): ShopForm {
  return { ...form, zones: form.zones.filter((_, i) => i !== index) };
}

export function setZone(form: ShopForm, index: number, change: Partial<ZoneForm>): ShopForm {
  return { ...form, zones: form.zones.map((z, i) => (i === index ? { ...z, ...change } : z)) };
}

/** Turning delivery on offers a first zone to fill in: delivery needs at least one. */
export function setDelivery(form: ShopForm, delivery: boolean): ShopForm {
  const next = { ...form, delivery };
  return delivery && next.zones.length === 0 ? addZone(next) : next;
}
