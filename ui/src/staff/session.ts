// The staff member's session: log in with name + PIN (cookie `forno_session`), who am I, log out.

import { ApiError, requestJson } from '../api/http';
import type { StaffMember } from '../api/types';

export async function logIn(name: string, pin: string): Promise<StaffMember> {
  const answer = await requestJson<{ staff: StaffMember }>('/api/v1/auth/login', {
    method: 'POST',
    body: { name, pin },
  });
  return answer.staff;
}

/** The logged-in staff member, or `null` when there is no (valid) session. */
export async function currentStaff(): Promise<StaffMember | null> {
  try {
    return await requestJson<StaffMember>('/api/v1/auth/me');
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) return null;
    throw error;
  }
}

export async function logOut(): Promise<void> {
  await requestJson<unknown>('/api/v1/auth/logout', { method: 'POST' });
}

/** A sentence for the login form: what went wrong and what to do. */
export function loginProblem(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return 'De kassa is niet bereikbaar. Controleer of Forno draait en probeer het opnieuw.';
  }
  switch (error.status) {
    case 401:
      return 'Naam of pincode klopt niet. Probeer het opnieuw.';
    case 423:
      return 'Te vaak een verkeerde pincode: dit account is 5 minuten geblokkeerd. Vraag de eigenaar of wacht even.';
    case 429:
      return 'Te veel pogingen. Wacht even en probeer het dan opnieuw.';
    default:
      return `Inloggen lukt niet: ${error.message}`;
  }
}
