import { describe, expect, it } from 'vitest';
import {
  addPeriod,
  addZone,
  clockTime,
  formFromSettings,
  removePeriod,
  removeZone,
  sentPeriods,
  setDayOpen,
  setDelivery,
  setPeriod,
  setZone,
  settingsFromForm,
  type ShopForm,
} from './form';
import { settingsBuilder } from './test-settings';

const zone = {
  id: 3,
  name: 'Centrum',
  postcodes: ['1011-1018', '1020'],
  fee_cents: 250,
  minimum_order_cents: 1500,
  extra_minutes: 10,
};

function sent(form: ShopForm) {
  const result = settingsFromForm(form);
  if (!result.ok) throw new Error(`not sendable: ${JSON.stringify(result.errors)}`);
  return result.settings;
}

describe('formFromSettings and settingsFromForm', () => {
  it('give back the settings they were given', () => {
    const settings = settingsBuilder({
      vat_number: 'NL123456789B01',
      hours: [
        { weekday: 'mon', open: '11:30', close: '14:00' },
        { weekday: 'mon', open: '17:00', close: '24:00' },
        { weekday: 'sat', open: '16:00', close: '22:00' },
      ],
      exceptions: [{ date: '2026-12-25', closed: true, hours: [] }],
      zones: [zone],
      paused: true,
      delivery_enabled: true,
    });
    expect(sent(formFromSettings(settings))).toEqual(settings);
  });

  it('shows amounts with a Dutch comma and postcodes as one line', () => {
    const form = formFromSettings(settingsBuilder({ zones: [zone] }));
    expect(form.zones[0]).toMatchObject({
      postcodes: '1011-1018, 1020',
      fee: '2,50',
      minimum: '15,00',
      extraMinutes: '10',
    });
  });

  it('shows a day without periods as closed, ready to open with an evening', () => {
    const form = formFromSettings(settingsBuilder());
    const monday = form.days[0];
    expect(monday).toMatchObject({ weekday: 'mon', open: false });
    expect(monday?.periods).toEqual([{ open: '16:00', close: '22:00' }]);
    expect(sent(form).hours.some((p) => p.weekday === 'mon')).toBe(false);
  });

  it('keeps paused as it was loaded', () => {
    expect(sent(formFromSettings(settingsBuilder({ paused: true }))).paused).toBe(true);
    expect(sent(formFromSettings(settingsBuilder({ paused: undefined }))).paused).toBe(false);
  });

  it('reads what the owner typed', () => {
    let form = formFromSettings(settingsBuilder({ delivery_enabled: true, zones: [zone] }));
    form = setZone(form, 0, {
      fee: '3',
      minimum: '12,5',
      postcodes: '1011 - 1012; 1013',
      extraMinutes: '',
    });
    form = setPeriod(form, 'tue', 0, 'open', '16.30');
    form = setPeriod(form, 'tue', 0, 'close', '0:00');
    form = { ...form, name: '  Bella  ', prepTime: ' 25 ' };
    const settings = sent(form);
    expect(settings.name).toBe('Bella');
    expect(settings.prep_time_minutes).toBe(25);
    expect(settings.zones[0]).toMatchObject({
      fee_cents: 300,
      minimum_order_cents: 1250,
      extra_minutes: 0,
      postcodes: ['1011-1012', '1013'],
    });
    expect(settings.hours[0]).toEqual({ weekday: 'tue', open: '16:30', close: '24:00' });
  });

  it('names each input whose text cannot be sent', () => {
    let form = formFromSettings(settingsBuilder({ zones: [zone] }));
    form = setZone(form, 0, { fee: 'twee euro', extraMinutes: 'tien' });
    form = setPeriod(form, 'wed', 0, 'close', '25:00');
    form = { ...form, prepTime: '' };
    const result = settingsFromForm(form);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.errors).sort()).toEqual([
      'day-wed-0-close',
      'prep-time',
      'zone-0-extra-minutes',
      'zone-0-fee',
    ]);
    expect(result.errors['day-wed-0-close']?.('nl')).toBe(
      '“25:00” is geen tijd; schrijf een tijd zoals 16:30 (24:00 is middernacht).',
    );
    expect(result.errors['prep-time']?.('en')).toBe('Write a whole number of minutes, like 20.');
  });

  it('does not check a closed day’s times: they are not sent', () => {
    let form = formFromSettings(settingsBuilder());
    form = setPeriod(form, 'mon', 0, 'open', 'nonsense');
    expect(settingsFromForm(form).ok).toBe(true);
  });
});

describe('clockTime', () => {
  it('reads times as people type them', () => {
    expect(clockTime('16:00', 'open')).toBe('16:00');
    expect(clockTime('16.30', 'open')).toBe('16:30');
    expect(clockTime('1630', 'open')).toBe('16:30');
    expect(clockTime('930', 'open')).toBe('09:30');
    expect(clockTime(' 9 ', 'open')).toBe('09:00');
    expect(clockTime('24:00', 'close')).toBe('24:00');
  });

  it('closes at midnight as 24:00', () => {
    expect(clockTime('00:00', 'close')).toBe('24:00');
    expect(clockTime('0', 'close')).toBe('24:00');
    expect(clockTime('00:00', 'open')).toBe('00:00');
  });

  it('refuses what is not a time', () => {
    for (const text of ['', '25:00', '24:30', '16:60', 'vier uur', '16:0']) {
      expect(clockTime(text, 'open')).toBeNull();
    }
  });
});

describe('editing the week', () => {
  it('adds a lunch period and numbers periods as the server does', () => {
    let form = formFromSettings(settingsBuilder());
    form = setDayOpen(form, 'mon', true);
    form = addPeriod(form, 'tue');
    form = setPeriod(form, 'tue', 1, 'open', '11:30');
    form = setPeriod(form, 'tue', 1, 'close', '14:00');
    const periods = sentPeriods(form).map(([day, , index]) => `${day}${index}`);
    expect(periods.slice(0, 3)).toEqual(['mon0', 'tue0', 'tue1']);
    expect(sent(form).hours[2]).toEqual({ weekday: 'tue', open: '11:30', close: '14:00' });
  });

  it('asks for the times of a new period', () => {
    const form = addPeriod(formFromSettings(settingsBuilder()), 'tue');
    const result = settingsFromForm(form);
    expect(result.ok || Object.keys(result.errors)).toEqual(['day-tue-1-open', 'day-tue-1-close']);
  });

  it('closes a day when its only period is removed, and keeps the times for reopening', () => {
    let form = formFromSettings(settingsBuilder());
    form = removePeriod(form, 'tue', 0);
    expect(form.days[1]).toMatchObject({
      open: false,
      periods: [{ open: '16:00', close: '22:00' }],
    });
    form = setDayOpen(form, 'tue', true);
    expect(form.days[1]?.open).toBe(true);
    form = addPeriod(form, 'tue');
    form = removePeriod(form, 'tue', 0);
    expect(form.days[1]?.periods).toEqual([{ open: '', close: '' }]);
  });
});

describe('editing zones', () => {
  it('offers a first zone when delivery is turned on', () => {
    const form = setDelivery(formFromSettings(settingsBuilder()), true);
    expect(form.delivery).toBe(true);
    expect(form.zones).toHaveLength(1);
    expect(setDelivery(form, false).zones).toHaveLength(1);
  });

  it('gives a new zone an id no other zone has', () => {
    let form = formFromSettings(settingsBuilder({ zones: [zone] }));
    form = addZone(form);
    expect(form.zones.map((z) => z.id)).toEqual([3, 4]);
    form = removeZone(form, 0);
    expect(form.zones.map((z) => z.id)).toEqual([4]);
  });

  it('sends zones with empty amounts as free', () => {
    let form = addZone(formFromSettings(settingsBuilder()));
    form = setZone(form, 0, { name: 'Noord', postcodes: '1020' });
    expect(sent(form).zones).toEqual([
      {
        id: 1,
        name: 'Noord',
        postcodes: ['1020'],
        fee_cents: 0,
        minimum_order_cents: 0,
        extra_minutes: 0,
      },
    ]);
  });
});
