import { describe, expect, it } from 'vitest';
import { staffView, withoutSession } from './first-run';

describe('staffView', () => {
  it('is the kitchen only when the link says so', () => {
    expect(staffView('?view=kitchen')).toBe('kitchen');
    expect(staffView('')).toBe('counter');
    expect(staffView('?view=other')).toBe('counter');
  });
});

describe('withoutSession', () => {
  it('sends the counter of a shop that is not set up to the wizard', () => {
    expect(withoutSession('counter', true)).toEqual({ kind: 'setup' });
  });

  it('keeps the kitchen at the login form, saying the counter is setting up', () => {
    expect(withoutSession('kitchen', true)).toEqual({
      kind: 'login',
      info: 'kitchenWaitsForSetup',
    });
  });

  it('shows the login form once the shop is set up, or when the server did not say', () => {
    expect(withoutSession('counter', false)).toEqual({ kind: 'login' });
    expect(withoutSession('kitchen', null)).toEqual({ kind: 'login' });
  });
});
