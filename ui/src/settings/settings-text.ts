// What the settings page says: who may be here, how saving went, and the paired devices.

import { ApiError } from '../api/http';
import type { Device, StaffMember } from '../api/types';
import { mayDo } from '../api/session';
import { formatClock } from '../i18n/format';
import type { Lang } from '../i18n/lang';
import { settingsText } from './text';

export type Access = 'not-logged-in' | 'not-allowed' | 'edit' | 'edit-and-devices';

/** What this person may do here: edit the settings, and (the owner) pair devices too. */
export function settingsAccess(staff: StaffMember | null): Access {
  if (!staff) return 'not-logged-in';
  if (!mayDo(staff, 'edit_settings')) return 'not-allowed';
  return mayDo(staff, 'manage_devices') ? 'edit-and-devices' : 'edit';
}

/** "Opgeslagen om 18:03." */
export function savedText(at: Date, lang: Lang): string {
  return settingsText[lang].savedAt(formatClock(at, lang));
}

/** A sentence for a save that failed without naming a field of the form. */
export function saveProblem(error: unknown, lang: Lang): string {
  const text = settingsText[lang];
  if (!(error instanceof ApiError)) return text.saveUnreachable;
  switch (error.status) {
    case 401:
      return text.saveLoggedOut;
    case 403:
      return text.saveForbidden;
    default:
      return text.saveFailed(error.message);
  }
}

/** "Keukenscherm" or "Kassatablet". */
export function deviceKind(device: Device, lang: Lang): string {
  const text = settingsText[lang].devices;
  return device.kind === 'kitchen_screen' ? text.kitchenScreen : text.counterTablet;
}

export function unpairProblem(device: Device, error: unknown, lang: Lang): string {
  const text = settingsText[lang].devices;
  if (error instanceof ApiError && error.status === 404) return text.alreadyUnpaired(device.name);
  const why = error instanceof ApiError ? error.message : text.unreachableReason;
  return text.notUnpaired(device.name, why);
}
