import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/http';
import type { Device, StaffMember } from '../api/types';
import { deviceKind, saveProblem, savedText, settingsAccess, unpairProblem } from './settings-text';

function staff(change: Partial<StaffMember>): StaffMember {
  return { id: 1, name: 'Anna', role: 'owner', permissions: [], may_set_statuses: [], ...change };
}

const keuken: Device = {
  id: 4,
  name: 'Keuken',
  kind: 'kitchen_screen',
  role: 'kitchen',
  paired_at: '2026-11-25T17:03:00Z',
};

describe('settingsAccess', () => {
  it('lets the owner edit and pair, a manager only edit', () => {
    expect(settingsAccess(staff({ permissions: ['edit_settings', 'manage_devices'] }))).toBe(
      'edit-and-devices',
    );
    expect(settingsAccess(staff({ role: 'manager', permissions: ['edit_settings'] }))).toBe('edit');
  });

  it('keeps out who may not edit, and who is not logged in', () => {
    expect(settingsAccess(staff({ role: 'cashier', permissions: ['view_orders'] }))).toBe(
      'not-allowed',
    );
    expect(settingsAccess(staff({ permissions: [] }))).toBe('not-allowed');
    expect(settingsAccess(null)).toBe('not-logged-in');
  });
});

describe('texts', () => {
  it('says when it saved, in shop time', () => {
    expect(savedText(new Date('2026-11-25T17:03:00Z'), 'nl')).toBe('Opgeslagen om 18:03.');
    expect(savedText(new Date('2026-11-25T17:03:00Z'), 'en')).toBe('Saved at 18:03.');
  });

  it('says what to do when saving failed', () => {
    expect(saveProblem(new ApiError(401, 'Unauthorized', null, null), 'nl')).toContain('Log opnieuw in');
    expect(saveProblem(new ApiError(401, 'Unauthorized', null, null), 'en')).toContain('Log in again');
    expect(saveProblem(new TypeError('fetch failed'), 'nl')).toContain('blijft staan');
  });

  it('names devices and unpairing problems', () => {
    expect(deviceKind(keuken, 'nl')).toBe('Keukenscherm');
    expect(deviceKind(keuken, 'en')).toBe('Kitchen screen');
    expect(deviceKind({ ...keuken, kind: 'counter' }, 'nl')).toBe('Kassatablet');
    expect(unpairProblem(keuken, new ApiError(404, 'Not found', null, null), 'nl')).toContain(
      'al ontkoppeld',
    );
  });
});
