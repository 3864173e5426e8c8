// A shop's settings for the tests, built in code: the shop as the setup wizard starts it, with
// changes on top.

import type { SettingsDto } from '../api/types';

export function settingsBuilder(change: Partial<SettingsDto> = {}): SettingsDto {
  return {
    name: 'Pizzeria Bella',
    address: 'Kerkstraat 1, Amsterdam',
    phone: '020 123 4567',
    vat_number: '',
    time_zone: 'Europe/Amsterdam',
    hours: (['tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map((weekday) => ({
      weekday,
      open: '16:00',
      close: '22:00',
    })),
    exceptions: [],
    zones: [],
    prep_time_minutes: 20,
    paused: false,
    pickup_enabled: true,
    delivery_enabled: false,
    ...change,
  };
}
