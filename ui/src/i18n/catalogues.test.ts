// Every catalogue of every page, in both languages, once more at run time: tsc already refuses a
// text missing in one language, this also catches what a cast could hide, and texts left empty.
// A catalogue lives in a file named `text.ts` (ui/README.md, "Languages"), so a new page's
// texts are found here without being listed.

import { describe, expect, it } from 'vitest';
import { LANGS } from './lang';

const files = import.meta.glob<Record<string, unknown>>('../**/text.ts', { eager: true });

type Shape = string | { fn: number } | { [key: string]: Shape };

/** What a catalogue's tree looks like, without its words: keys, texts, and texts with n parts. */
function shape(value: unknown, path: string): Shape {
  if (typeof value === 'string') {
    if (value.trim() === '') throw new Error(`${path} is empty`);
    return 'text';
  }
  if (typeof value === 'function') return { fn: value.length };
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, shape(inner, `${path}.${key}`)]),
    );
  }
  throw new Error(`${path} is neither a text nor a group of texts`);
}

function isCatalogue(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const keys = Object.keys(value).sort();
  return keys.length === LANGS.length && [...LANGS].sort().every((lang, i) => keys[i] === lang);
}

const catalogues = Object.entries(files).flatMap(([file, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => isCatalogue(value))
    .map(([name, value]) => ({ file, name, catalogue: value as Record<string, unknown> })),
);

describe('message catalogues', () => {
  it('are found in every page’s text.ts', () => {
    for (const [file, exports] of Object.entries(files)) {
      expect(Object.values(exports).some(isCatalogue), `${file} exports no catalogue`).toBe(true);
    }
    // The shared words and one per page (staff, track, settings, setup, pair, landing, forms).
    expect(catalogues.length).toBeGreaterThanOrEqual(7);
  });

  it.each(catalogues.map((c) => [`${c.file}: ${c.name}`, c.catalogue] as const))(
    '%s has the same texts in Dutch and English',
    (_name, catalogue) => {
      // Dutch sets the shape (messages()); every language must have exactly it.
      const expected = shape(catalogue.nl, 'nl');
      for (const lang of LANGS) expect(shape(catalogue[lang], lang)).toEqual(expected);
    },
  );

  it('tell a catalogue with a text missing in English apart', () => {
    const broken = { nl: { a: 'A', b: (n: number) => `${n}` }, en: { a: 'A' } };
    expect(shape(broken.en, 'en')).not.toEqual(shape(broken.nl, 'nl'));
    expect(() => shape({ a: ' ' }, 'en')).toThrow('en.a is empty');
  });
});
