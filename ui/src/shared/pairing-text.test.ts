import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { pairingCodeProblem, pairingValidity } from './pairing-text';

// 18:13 in the shop (Amsterdam, UTC+1 in November).
const expiresAt = '2026-11-25T17:13:00Z';

describe('pairingValidity', () => {
  it('says until when a code works, in shop time', () => {
    expect(pairingValidity(expiresAt, new Date('2026-11-25T17:03:00Z'), 'nl')).toEqual({
      expired: false,
      text: 'Geldig tot 18:13, voor één scherm.',
    });
    expect(pairingValidity(expiresAt, new Date('2026-11-25T17:03:00Z'), 'en').text).toBe(
      'Valid until 18:13, for one screen.',
    );
  });

  it('says when it has expired, and what to do', () => {
    const validity = pairingValidity(expiresAt, new Date('2026-11-25T17:13:00Z'), 'nl');
    expect(validity.expired).toBe(true);
    expect(validity.text).toBe('Verlopen om 18:13. Maak een nieuwe code.');
  });
});

describe('pairingCodeProblem', () => {
  it('says who may pair screens', () => {
    expect(pairingCodeProblem(new ApiError(403, 'Forbidden', null, null), 'nl')).toContain(
      'eigenaar',
    );
    expect(pairingCodeProblem(new ApiError(403, 'Forbidden', null, null), 'en')).toContain(
      'owner',
    );
    expect(pairingCodeProblem(new TypeError('fetch failed'), 'nl')).toContain('niet bereikbaar');
  });
});
