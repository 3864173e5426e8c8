// Staff accounts and the audit log: the staff page and the audit page of /admin. Who may do
// what (and whose PIN a manager may reset) is the server's answer; a refusal comes back as an
// ApiError naming its field.

import { requestJson } from './http';
import type { AuditPage, PersonRole, StaffAccount } from './types';

export function listStaff(): Promise<StaffAccount[]> {
  return requestJson<StaffAccount[]>('/api/v1/staff');
}

export function addStaff(body: { name: string; role: PersonRole; pin: string }): Promise<StaffAccount> {
  return requestJson<StaffAccount>('/api/v1/staff', { method: 'POST', body });
}

export function changeStaff(
  id: number,
  body: { name: string; role: PersonRole; active: boolean },
): Promise<StaffAccount> {
  return requestJson<StaffAccount>(`/api/v1/staff/${id}`, { method: 'PUT', body });
}

export function resetPin(id: number, pin: string): Promise<void> {
  return requestJson<undefined>(`/api/v1/staff/${id}/pin`, { method: 'POST', body: { pin } });
}

export function changeOwnPin(oldPin: string, newPin: string): Promise<void> {
  return requestJson<undefined>('/api/v1/auth/pin', {
    method: 'POST',
    body: { old_pin: oldPin, new_pin: newPin },
  });
}

/** What the audit page filters on; empty strings are left out. */
export interface AuditFilters {
  staff_id: string;
  action: string;
  from: string;
  to: string;
}

export function auditQuery(filters: AuditFilters, before: number | null, limit: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [string, string][]) {
    if (value.trim()) params.set(key, value.trim());
  }
  if (before !== null) params.set('before', String(before));
  params.set('limit', String(limit));
  return params.toString();
}

export function auditPage(filters: AuditFilters, before: number | null, limit: number): Promise<AuditPage> {
  return requestJson<AuditPage>(`/api/v1/audit?${auditQuery(filters, before, limit)}`);
}
