import { describe, expect, it } from 'vitest';
import { formatClock, formatDateTime, formatEuro } from './format';

describe('formatEuro', () => {
  it('writes Dutch amounts the Dutch way', () => {
    expect(formatEuro(1250)).toBe('€ 12,50');
    expect(formatEuro(5)).toBe('€ 0,05');
    expect(formatEuro(123456)).toBe('€ 1.234,56');
  });

  it('writes English amounts the English way', () => {
    expect(formatEuro(1250, 'en')).toBe('€12.50');
  });
});

describe('formatClock', () => {
  it('shows hours and minutes', () => {
    // 17:03 UTC is 18:03 in Amsterdam in November, whatever zone this machine is in.
    expect(formatClock(new Date(Date.UTC(2026, 10, 25, 17, 3)))).toBe('18:03');
  });

  it('shows nothing for a time it cannot read', () => {
    expect(formatClock('not a time')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows the day and the shop time', () => {
    expect(formatDateTime('2026-11-25T17:03:00Z')).toBe('25 nov 2026, 18:03');
    expect(formatDateTime('not a time')).toBe('');
  });
});
