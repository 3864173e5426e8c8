import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { addPeriod, formFromSettings, setPeriod, setZone } from './form';
import { fieldProblem, problemOfError } from './problems';
import { settingsBuilder } from './test-settings';

const zone = {
  id: 1,
  name: 'Centrum',
  postcodes: ['1011-1018', '10x1'],
  fee_cents: 250,
  minimum_order_cents: 1500,
  extra_minutes: 0,
};
const form = formFromSettings(settingsBuilder({ vat_number: 'NL12', zones: [zone] }));

describe('fieldProblem', () => {
  it('places the wizard’s fields (prefixed shop. and owner.) at their inputs and steps', () => {
    expect(fieldProblem('shop.name', 'The shop needs a name.', form)).toMatchObject({
      inputId: 'shop-name',
      section: 'profile',
    });
    const vat = fieldProblem('shop.vat_number', '…', form);
    expect(vat).toMatchObject({ inputId: 'shop-vat-number', section: 'profile' });
    expect(vat?.message('nl')).toContain('“NL12” is geen btw-nummer');
    expect(vat?.message('en')).toContain('“NL12” is not a VAT number');
    expect(fieldProblem('shop.prep_time_minutes', '…', form)).toMatchObject({
      inputId: 'prep-time',
      section: 'sales',
    });
    expect(fieldProblem('shop.pickup_enabled', '…', form)?.inputId).toBe('fulfilment');
    expect(fieldProblem('shop.zones', '…', form)?.inputId).toBe('zones');
    expect(fieldProblem('owner.name', 'Fill in a name.', form)).toMatchObject({
      inputId: 'owner-name',
      section: 'owner',
    });
  });

  it('shows the text rule’s own words: a control character or a text too long', () => {
    const control =
      'Hier staat een onzichtbaar teken of stuurteken in (U+001B, teken 4); typ de tekst opnieuw zonder.';
    expect(fieldProblem('shop.name', control, form)).toMatchObject({ inputId: 'shop-name' });
    expect(fieldProblem('shop.name', control, form)?.message('nl')).toBe(control);
    const long = 'Dit is te lang: maximaal 200 tekens, het zijn er nu 201.';
    expect(fieldProblem('address', long, form)?.message('nl')).toBe(long);
    expect(fieldProblem('shop.name', 'Geef de zaak een naam.', form)?.message('nl')).toBe(
      'Vul de naam van uw zaak in.',
    );
  });

  it('places the settings page’s fields (no prefix) the same way', () => {
    expect(fieldProblem('name', null, form)?.inputId).toBe('shop-name');
    expect(fieldProblem('zones[0].name', null, form)?.inputId).toBe('zone-0-name');
    expect(fieldProblem('zones[0]', null, form)?.inputId).toBe('zone-0');
  });

  it('names the postcode the server refused', () => {
    const problem = fieldProblem('shop.zones[0].postcodes[1]', '…', form);
    expect(problem).toMatchObject({ inputId: 'zone-0-postcodes', section: 'sales' });
    expect(problem?.message('nl')).toContain('“10x1” is geen postcode');
    expect(fieldProblem('zones[0].postcodes', '…', form)?.inputId).toBe('zone-0-postcodes');
  });

  it('finds the day and period behind a numbered period', () => {
    // Monday is closed, so the server numbers tue0, tue1 (the lunch), wed0, …
    let withLunch = addPeriod(form, 'tue');
    withLunch = setPeriod(withLunch, 'tue', 1, 'open', '11:30');
    withLunch = setPeriod(withLunch, 'tue', 1, 'close', '14:00');
    expect(fieldProblem('shop.hours[1].open', '…', withLunch)).toMatchObject({
      inputId: 'day-tue-1-open',
      section: 'hours',
    });
    expect(fieldProblem('hours[2].close', '…', withLunch)?.inputId).toBe('day-wed-0-close');
    expect(fieldProblem('hours[99].close', '…', withLunch)?.inputId).toBe('hours');
  });

  it('says in the page’s language what is wrong with a day', () => {
    const overlap = fieldProblem('shop.hours.tue', 'Opening periods overlap.', form);
    expect(overlap).toMatchObject({ inputId: 'day-tue', section: 'hours' });
    expect(overlap?.message('nl')).toContain('dinsdag overlappen');
    expect(overlap?.message('en')).toContain('Tuesday overlap');
    expect(
      fieldProblem('hours.sat', 'Opening at 22:00 and closing at 16:00 is not a period', form)
        ?.message('nl'),
    ).toContain('zaterdag moet elk tijdvak sluiten na het openen');
  });

  it('tells the rules apart in a Dutch detail too', () => {
    expect(
      fieldProblem('shop.hours.tue', 'De openingstijden overlappen.', form)?.message('nl'),
    ).toContain('overlappen elkaar');
  });

  it('tells a guessable PIN from a malformed one', () => {
    const guessable =
      'This PIN is one of the first anybody would try (like 1111 or 1234); choose another.';
    expect(fieldProblem('owner.pin', guessable, form)?.message('nl')).toContain('1111 of 1234');
    expect(fieldProblem('owner.pin', 'A PIN is 4 to 8 digits', form)?.message('nl')).toContain(
      '4 tot 8 cijfers',
    );
  });

  it('gives up on fields this form does not have', () => {
    expect(fieldProblem(null, 'x', form)).toBeNull();
    expect(fieldProblem('shop.menu', 'x', form)).toBeNull();
  });
});

describe('problemOfError', () => {
  it('only places 422 answers that name a field', () => {
    const changed = setZone(form, 0, {});
    expect(
      problemOfError(new ApiError(422, 'Invalid input', '…', 'shop.name'), changed)?.inputId,
    ).toBe('shop-name');
    expect(problemOfError(new ApiError(403, 'Forbidden', '…', null), changed)).toBeNull();
    expect(problemOfError(new Error('offline'), changed)).toBeNull();
  });
});
