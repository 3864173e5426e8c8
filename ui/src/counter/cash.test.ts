import { describe, expect, it } from 'vitest';
import { notesFor, parseEuro } from './cash';

describe('the cash keypad', () => {
  it('offers only the notes that cover what is due', () => {
    expect(notesFor(1850)).toEqual([2000, 5000]);
    expect(notesFor(900)).toEqual([1000, 2000, 5000]);
    expect(notesFor(6000)).toEqual([]);
  });

  it('reads typed amounts as cents, in either decimal mark', () => {
    expect(parseEuro('50')).toBe(5000);
    expect(parseEuro('12,50')).toBe(1250);
    expect(parseEuro('12.5')).toBe(1250);
    expect(parseEuro('€ 20')).toBe(2000);
    expect(parseEuro('')).toBeNull();
    expect(parseEuro('-5')).toBeNull();
    expect(parseEuro('1,234')).toBeNull();
    expect(parseEuro('abc')).toBeNull();
  });
});
