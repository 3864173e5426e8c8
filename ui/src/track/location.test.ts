import { describe, expect, it } from 'vitest';
import { trackingToken } from './location';

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
