import { describe, expect, it } from 'vitest';
import { reconnectDelay } from './backoff';

const policy = { baseMs: 250, capMs: 10_000 };

describe('reconnectDelay', () => {
  it('doubles the window per attempt, starting at the base', () => {
    const longest = (attempt: number) => reconnectDelay(attempt, policy, () => 0.999999);
    expect([1, 2, 3, 4, 5, 6].map(longest)).toEqual([249, 499, 999, 1999, 3999, 7999]);
  });

  it('never waits longer than the cap, even after a long outage', () => {
    expect(reconnectDelay(7, policy, () => 0.999999)).toBe(9999);
    expect(reconnectDelay(1_000, policy, () => 0.999999)).toBe(9999);
  });

  it('picks anywhere in the window (full jitter), down to no wait at all', () => {
    expect(reconnectDelay(3, policy, () => 0)).toBe(0);
    expect(reconnectDelay(3, policy, () => 0.5)).toBe(500);
  });
});
