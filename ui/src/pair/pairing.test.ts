import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import { pageAfterPairing, pairingCodeFromPath, pairProblem } from './pairing';

describe('pairingCodeFromPath', () => {
  it('reads the code from the link', () => {
    expect(pairingCodeFromPath('/pair/ABCD2345')).toBe('ABCD2345');
    expect(pairingCodeFromPath('/pair/abcd2345/')).toBe('ABCD2345');
    expect(pairingCodeFromPath('/pair/AB%20CD')).toBe('AB CD');
  });

  it('has no code on a bare /pair', () => {
    expect(pairingCodeFromPath('/pair')).toBe('');
    expect(pairingCodeFromPath('/pair/')).toBe('');
    expect(pairingCodeFromPath('/pair/%E0')).toBe('');
  });
});

describe('pageAfterPairing', () => {
  it('opens the kitchen board on a kitchen screen', () => {
    expect(pageAfterPairing('kitchen')).toBe('/kitchen');
    expect(pageAfterPairing('cashier')).toBe('/staff');
  });
});

describe('pairProblem', () => {
  it('blames the code for a 404 and keeps the server’s advice', () => {
    const detail = 'This pairing code is not valid or has expired. Make a new one …';
    expect(pairProblem(new ApiError(404, 'Not found', detail, null), 'nl')).toMatchObject({
      inputId: 'pair-code',
      detail: { text: detail, lang: 'en' },
    });
    const dutch = new ApiError(404, 'Niet gevonden', 'Deze koppelcode is ongeldig.', null, 'nl');
    expect(pairProblem(dutch, 'nl').detail).toEqual({ text: 'Deze koppelcode is ongeldig.', lang: 'nl' });
  });

  it('blames the name when the server does', () => {
    const noName = new ApiError(422, 'Invalid input', 'Fill in a name.', 'name');
    expect(pairProblem(noName, 'nl').inputId).toBe('pair-name');
    expect(pairProblem(noName, 'en').text).toBe('Give this screen a name, like Kitchen.');
  });

  it('says when the shop cannot be reached', () => {
    expect(pairProblem(new TypeError('fetch failed'), 'nl').text).toContain('wifi');
  });
});
