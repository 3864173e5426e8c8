// What the settings page says: who may be here, how saving went, and the paired devices.

import { ApiError } from '../api/http';
import type { Device, StaffMember } from '../api/types';
import { mayDo } from '../api/session';
import { formatClock } from '../shared/format';

export type Access = 'not-logged-in' | 'not-allowed' | 'edit' | 'edit-and-devices';

/** What this person may do here: edit the settings, and (the owner) pair devices too. */
export function settingsAccess(staff: StaffMember | null): Access {
  if (!staff) return 'not-logged-in';
  if (!mayDo(staff, 'edit_settings')) return 'not-allowed';
  return mayDo(staff, 'manage_devices') ? 'edit-and-devices' : 'edit';
}

/** "Opgeslagen om 18:03." */
export function savedText(at: Date): string {
  return `Opgeslagen om ${formatClock(at)}.`;
}

/** A sentence for a save that failed without naming a field of the form. */
export function saveProblem(error: unknown): string {
  if (!(error instanceof ApiError)) {
    return 'Niet opgeslagen: de kassa is niet bereikbaar. Wat u invulde blijft staan; probeer het zo opnieuw.';
  }
  switch (error.status) {
    case 401:
      return 'Niet opgeslagen: u bent niet meer ingelogd. Log opnieuw in bij de kassa (in een ander tabblad) en sla dan opnieuw op.';
    case 403:
      return 'Niet opgeslagen: uw rol mag de instellingen niet wijzigen. Vraag de eigenaar.';
    default:
      return `Niet opgeslagen: ${error.message}`;
  }
}

/** "Keukenscherm" or "Kassatablet". */
export function deviceKind(device: Device): string {
  return device.kind === 'kitchen_screen' ? 'Keukenscherm' : 'Kassatablet';
}

export function unpairProblem(device: Device, error: unknown): string {
  if (error instanceof ApiError && error.status === 404) {
    return `‘${device.name}’ was al ontkoppeld. De lijst is bijgewerkt.`;
  }
  const why = error instanceof ApiError ? error.message : 'de kassa is niet bereikbaar';
  return `‘${device.name}’ is niet ontkoppeld: ${why}. Probeer het opnieuw.`;
}
