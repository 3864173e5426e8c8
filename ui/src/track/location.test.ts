import { describe, expect, it } from 'vitest';
import { addressInLanguage, pageLanguage, trackingToken } from './location';

describe('trackingToken', () => {
  it('reads the token from the path the server serves', () => {
    expect(trackingToken('/track/Zx9_-abc', '')).toBe('Zx9_-abc');
    expect(trackingToken('/track/Zx9_-abc/', '?lang=en')).toBe('Zx9_-abc');
  });

  it('falls back to a query parameter, and to nothing', () => {
    expect(trackingToken('/track.html', '?token=abc')).toBe('abc');
    expect(trackingToken('/track/', '')).toBeNull();
  });
});

describe('language', () => {
  it('is Dutch unless asked for English', () => {
    expect(pageLanguage('')).toBe('nl');
    expect(pageLanguage('?lang=en')).toBe('en');
    expect(pageLanguage('?lang=de')).toBe('nl');
  });

  it('switches the address without losing the rest of it', () => {
    expect(addressInLanguage('/track/t', '', 'en')).toBe('/track/t?lang=en');
    expect(addressInLanguage('/track/t', '?lang=en', 'nl')).toBe('/track/t');
    expect(addressInLanguage('/track.html', '?token=t', 'en')).toBe('/track.html?token=t&lang=en');
  });
});
