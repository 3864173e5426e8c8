// The staff page before anybody is logged in: a shop that is not set up yet sends the counter to
// the setup wizard, while a kitchen screen waits at the login form and says why.

/** `/staff` is the counter; `/staff?view=kitchen` is the kitchen's screen. */
export type StaffView = 'counter' | 'kitchen';

export function staffView(search: string): StaffView {
  return new URLSearchParams(search).get('view') === 'kitchen' ? 'kitchen' : 'counter';
}

/** A note for the login form, by its name in the staff page's texts (text.ts). */
export type LoginNote = 'kitchenWaitsForSetup';

export type NoSession = { kind: 'setup' } | { kind: 'login'; info?: LoginNote };

/** What to show when nobody is logged in; `needsSetup` is null when the server did not say. */
export function withoutSession(view: StaffView, needsSetup: boolean | null): NoSession {
  if (!needsSetup) return { kind: 'login' };
  return view === 'kitchen' ? { kind: 'login', info: 'kitchenWaitsForSetup' } : { kind: 'setup' };
}
