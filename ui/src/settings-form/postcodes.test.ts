import { describe, expect, it } from 'vitest';
import { postcodeList, postcodeText } from './postcodes';

describe('postcodeList', () => {
  it('splits what the owner typed into postcodes and ranges', () => {
    expect(postcodeList('1011-1018, 1020')).toEqual(['1011-1018', '1020']);
    expect(postcodeList('1011 - 1018;1020\n1021')).toEqual(['1011-1018', '1020', '1021']);
    expect(postcodeList('1011 1012')).toEqual(['1011', '1012']);
    expect(postcodeList('1011–1018')).toEqual(['1011-1018']);
  });

  it('ignores empty parts', () => {
    expect(postcodeList('')).toEqual([]);
    expect(postcodeList(' , 1020,, ')).toEqual(['1020']);
  });

  it('keeps what it cannot read, for the server to name', () => {
    expect(postcodeList('1011, abc')).toEqual(['1011', 'abc']);
  });
});

describe('postcodeText', () => {
  it('writes the list as one line, and reads back the same', () => {
    const list = ['1011-1018', '1020'];
    expect(postcodeText(list)).toBe('1011-1018, 1020');
    expect(postcodeList(postcodeText(list))).toEqual(list);
  });
});
