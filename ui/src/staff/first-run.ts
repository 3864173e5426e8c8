// The staff page before anybody is logged in: a shop that is not set up yet sends the counter to
// the setup wizard, while a kitchen screen waits at the login form and says why.

/** `/staff` is the counter; `/staff?view=kitchen` is the kitchen's screen. */
export type StaffView = 'counter' | 'kitchen';

export function staffView(search: string): StaffView {
  return new URLSearchParams(search).get('view') === 'kitchen' ? 'kitchen' : 'counter';
}

export type NoSession = { kind: 'setup' } | { kind: 'login'; info?: string };

export const KITCHEN_WAITS_FOR_SETUP =
  'Deze zaak wordt nog ingesteld aan de kassa. Daarna logt u hier in, of koppelt u dit scherm met de QR-code die de kassa laat zien.';

/** What to show when nobody is logged in; `needsSetup` is null when the server did not say. */
export function withoutSession(view: StaffView, needsSetup: boolean | null): NoSession {
  if (!needsSetup) return { kind: 'login' };
  return view === 'kitchen' ? { kind: 'login', info: KITCHEN_WAITS_FOR_SETUP } : { kind: 'setup' };
}
