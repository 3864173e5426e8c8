import { describe, expect, it } from 'vitest';
import { connectionText } from './connection-text';

// 18:03 in the shop (Amsterdam, UTC+1 in November).
const since = new Date(Date.UTC(2026, 10, 25, 17, 3));

describe('connectionText', () => {
  it('names every state in words', () => {
    expect(connectionText({ kind: 'live' }, 'nl').label).toBe('Live');
    expect(connectionText({ kind: 'reconnecting', since, attempt: 2 }, 'nl').label).toBe(
      'Opnieuw verbinden sinds 18:03…',
    );
    expect(connectionText({ kind: 'offline', since }, 'nl').label).toBe('Offline sinds 18:03');
    expect(connectionText({ kind: 'offline', since }, 'en').label).toBe('Offline since 18:03');
  });

  it('gives each state its own symbol, so colour is never the only cue', () => {
    const kinds = [
      connectionText({ kind: 'connecting' }, 'en'),
      connectionText({ kind: 'live' }, 'en'),
      connectionText({ kind: 'reconnecting', since, attempt: 1 }, 'en'),
      connectionText({ kind: 'polling', since }, 'en'),
      connectionText({ kind: 'offline', since }, 'en'),
    ].map((text) => text.symbol);
    expect(new Set(kinds).size).toBe(kinds.length);
  });
});
