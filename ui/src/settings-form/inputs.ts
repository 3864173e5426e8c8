// Every input of the settings form has a fixed id, so an error (from this page or from the
// server) can be shown next to it, announced with it (aria-describedby) and focused.

import type { Weekday } from '../api/types';
import type { LocalText } from '../i18n/messages';

/** The parts of the form: the wizard's steps, and the settings page's sections. */
export type Section = 'profile' | 'hours' | 'sales' | 'owner';

/**
 * Messages to show next to inputs (or groups of inputs), keyed by the input's id; worded when
 * shown, so they follow a language switch.
 */
export type FieldErrors = Record<string, LocalText>;

export const inputIds = {
  name: 'shop-name',
  address: 'shop-address',
  phone: 'shop-phone',
  vatNumber: 'shop-vat-number',
  /** The whole week (an error about hours that names no day). */
  hours: 'hours',
  day: (weekday: Weekday) => `day-${weekday}`,
  periodOpen: (weekday: Weekday, index: number) => `day-${weekday}-${index}-open`,
  periodClose: (weekday: Weekday, index: number) => `day-${weekday}-${index}-close`,
  /** The pickup and delivery checkboxes together. */
  fulfilment: 'fulfilment',
  prepTime: 'prep-time',
  zones: 'zones',
  zone: (index: number) => `zone-${index}`,
  zoneName: (index: number) => `zone-${index}-name`,
  zonePostcodes: (index: number) => `zone-${index}-postcodes`,
  zoneFee: (index: number) => `zone-${index}-fee`,
  zoneMinimum: (index: number) => `zone-${index}-minimum`,
  zoneExtraMinutes: (index: number) => `zone-${index}-extra-minutes`,
  ownerName: 'owner-name',
  ownerPin: 'owner-pin',
  ownerPinAgain: 'owner-pin-again',
} as const;

/** The messages without the one about `inputId`. */
export function withoutError(errors: FieldErrors, inputId: string): FieldErrors {
  return Object.fromEntries(Object.entries(errors).filter(([id]) => id !== inputId));
}

/** The id of the message shown under an input, for its aria-describedby. */
export function errorId(inputId: string): string {
  return `${inputId}-error`;
}

/** Which part of the form an input is in. */
export function sectionOfInput(inputId: string): Section {
  if (inputId.startsWith('shop-')) return 'profile';
  if (inputId === inputIds.hours || inputId.startsWith('day-')) return 'hours';
  if (inputId.startsWith('owner-')) return 'owner';
  return 'sales';
}

/** The first section, in form order, that has an error in it. */
export function firstSectionWithError(
  errors: FieldErrors,
  order: readonly Section[],
): Section | null {
  const sections = new Set(Object.keys(errors).map(sectionOfInput));
  return order.find((section) => sections.has(section)) ?? null;
}
