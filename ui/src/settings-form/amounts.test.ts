import { describe, expect, it } from 'vitest';
import { centsFromEuroText, euroText, minutesFromText } from './amounts';

describe('euroText', () => {
  it('writes cents as Dutch euro text for an input', () => {
    expect(euroText(250)).toBe('2,50');
    expect(euroText(0)).toBe('0,00');
    expect(euroText(5)).toBe('0,05');
    expect(euroText(123456)).toBe('1234,56');
  });
});

describe('centsFromEuroText', () => {
  it('reads what a Dutch owner types', () => {
    expect(centsFromEuroText('2,50')).toBe(250);
    expect(centsFromEuroText('2,5')).toBe(250);
    expect(centsFromEuroText('2,')).toBe(200);
    expect(centsFromEuroText('15')).toBe(1500);
    expect(centsFromEuroText('€ 2,50')).toBe(250);
    expect(centsFromEuroText(' 1.250,00 ')).toBe(125000);
  });

  it('reads a dot as the decimal mark when there is no comma', () => {
    expect(centsFromEuroText('2.50')).toBe(250);
    expect(centsFromEuroText('2.5')).toBe(250);
    expect(centsFromEuroText('1.250')).toBe(125000);
  });

  it('takes an empty amount as zero', () => {
    expect(centsFromEuroText('')).toBe(0);
    expect(centsFromEuroText('  ')).toBe(0);
  });

  it('refuses what is not an amount', () => {
    expect(centsFromEuroText('twee')).toBeNull();
    expect(centsFromEuroText('2,505')).toBeNull();
    expect(centsFromEuroText('-2,50')).toBeNull();
    expect(centsFromEuroText('2,50,1')).toBeNull();
  });

  it('round-trips with euroText', () => {
    for (const cents of [0, 1, 99, 100, 250, 1999, 123456]) {
      expect(centsFromEuroText(euroText(cents))).toBe(cents);
    }
  });
});

describe('minutesFromText', () => {
  it('reads whole minutes only', () => {
    expect(minutesFromText(' 20 ')).toBe(20);
    expect(minutesFromText('0')).toBe(0);
    expect(minutesFromText('')).toBeNull();
    expect(minutesFromText('2,5')).toBeNull();
    expect(minutesFromText('-5')).toBeNull();
  });
});
