// This counter's idle lock: minutes without a touch before it logs the cashier out (0 = never),
// chosen per counter and remembered in the browser.

const LOCK_KEY = 'forno.counter.lockMinutes';
export const LOCK_CHOICES = [1, 2, 5, 10, 0] as const;
const DEFAULT_MINUTES = 5;

export function lockMinutes(): number {
  const stored = Number(window.localStorage.getItem(LOCK_KEY) ?? String(DEFAULT_MINUTES));
  return Number.isFinite(stored) && stored >= 0 ? stored : DEFAULT_MINUTES;
}

export function setLockMinutes(minutes: number): void {
  window.localStorage.setItem(LOCK_KEY, String(minutes));
  window.dispatchEvent(new Event('forno-lock-changed'));
}
