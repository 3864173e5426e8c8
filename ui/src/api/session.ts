// The session of whoever uses this screen: log in with name + PIN (cookie `forno_session`), who
// am I, log out. Every staff page starts here.

import { ApiError, requestJson } from './http';
import type { Permission, SessionAnswer, StaffMember } from './types';

export async function logIn(name: string, pin: string): Promise<StaffMember> {
  const answer = await requestJson<SessionAnswer>('/api/v1/auth/login', {
    method: 'POST',
    body: { name, pin },
  });
  return answer.staff;
}

/** The logged-in staff member (or paired device), or `null` when there is no (valid) session. */
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

/** Whether the server says this person may do that (screens only offer what will work). */
export function mayDo(staff: StaffMember, permission: Permission): boolean {
  return staff.permissions.includes(permission);
}

/**
 * A paired screen (a kitchen screen) is no person and does not log out: it stays paired until
 * the owner unpairs it under Instellingen.
 */
export function isPairedScreen(staff: StaffMember): boolean {
  return staff.id === null;
}
