import { describe, expect, it } from 'vitest';
import { formatClock, formatDateTime, formatEuro } from './format';

describe('formatEuro', () => {
  it('writes Dutch amounts the Dutch way', () => {
    expect(formatEuro(1250, 'nl')).toBe('€ 12,50');
    expect(formatEuro(5, 'nl')).toBe('€ 0,05');
    expect(formatEuro(123456, 'nl')).toBe('€ 1.234,56');
  });

  it('writes English amounts the English way', () => {
    expect(formatEuro(1250, 'en')).toBe('€12.50');
  });
});

describe('formatClock', () => {
  it('shows hours and minutes', () => {
    // 17:03 UTC is 18:03 in Amsterdam in November, whatever zone this machine is in.
    expect(formatClock(new Date(Date.UTC(2026, 10, 25, 17, 3)), 'nl')).toBe('18:03');
    // Summer time, past midnight: the shop's 24-hour clock in English too.
    expect(formatClock(new Date(Date.UTC(2026, 6, 1, 22, 30)), 'en')).toBe('00:30');
  });

  it('shows nothing for a time it cannot read', () => {
    expect(formatClock('not a time', 'nl')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows the day and the shop time', () => {
    expect(formatDateTime('2026-11-25T17:03:00Z', 'nl')).toBe('25 nov 2026, 18:03');
    expect(formatDateTime('2026-11-25T17:03:00Z', 'en')).toBe('25 Nov 2026, 18:03');
    expect(formatDateTime('not a time', 'en')).toBe('');
  });
});
