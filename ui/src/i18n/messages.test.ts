// What tsc refuses in a catalogue: each `@ts-expect-error` below fails the type check (`npm run
// build`, `npm run typecheck`) if the line after it ever compiles.

import { describe, expect, it } from 'vitest';
import { messages } from './messages';

describe('messages', () => {
  it('keeps the texts of both languages, widened to their shape', () => {
    const text = messages({
      nl: { title: 'Klaar', order: (number: string) => `Bestelling ${number}` },
      en: { title: 'Ready', order: (number: string) => `Order ${number}` },
    });
    const english: string = text.en.title;
    expect(english).toBe('Ready');
    expect(text.nl.order('#12')).toBe('Bestelling #12');
  });

  it('does not compile a text missing in English, extra in English, or with other parts', () => {
    const missing = messages({
      nl: { title: 'Klaar', total: 'Totaal' },
      // @ts-expect-error `total` is missing in English.
      en: { title: 'Ready' },
    });
    const extra = messages({
      nl: { title: 'Klaar' },
      // @ts-expect-error `subtitle` exists only in English.
      en: { title: 'Ready', subtitle: 'Now' },
    });
    const parts = messages({
      nl: { order: (number: string) => `Bestelling ${number}` },
      // @ts-expect-error English takes a number where Dutch takes a string.
      en: { order: (number: number) => `Order ${number}` },
    });
    const nested = messages({
      nl: { login: { title: 'Inloggen', pin: 'Pincode' } },
      // @ts-expect-error `login.pin` is missing in English.
      en: { login: { title: 'Log in' } },
    });
    expect([missing, extra, parts, nested].every((c) => 'nl' in c && 'en' in c)).toBe(true);
  });
});
