// Reconnect delays: exponential backoff with "full jitter" (AWS architecture blog, 2015).
// Full jitter spreads the reconnects of many screens after a server restart evenly over the
// window instead of letting them arrive in waves.

export interface BackoffPolicy {
  /** Upper bound of the first delay. */
  baseMs: number;
  /** No delay is ever longer than this. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 250, capMs: 10_000 };

/**
 * Delay before reconnect attempt number `attempt` (1 = the first retry): a uniform random pick
 * in `[0, min(cap, base × 2^(attempt-1)))`.
 */
export function reconnectDelay(
  attempt: number,
  policy: BackoffPolicy = DEFAULT_BACKOFF,
  random: () => number = Math.random,
): number {
  const exponent = Math.max(0, attempt - 1);
  // Clamp the exponent before Math.pow so a long outage cannot overflow to Infinity.
  const window = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(exponent, 30));
  return Math.floor(random() * window);
}
