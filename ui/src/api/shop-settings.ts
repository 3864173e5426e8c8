// The shop's settings and the first-run setup, as the wizard and the settings page call them.

import { requestJson } from './http';
import type { SessionAnswer, SettingsDto, SetupStatus } from './types';

export function setupStatus(): Promise<SetupStatus> {
  return requestJson<SetupStatus>('/api/v1/setup');
}

/** Finishes the setup: saves the settings, creates the owner and logs them in (cookie). */
export function completeSetup(
  shop: SettingsDto,
  owner: { name: string; pin: string },
): Promise<SessionAnswer> {
  return requestJson<SessionAnswer>('/api/v1/setup', { method: 'POST', body: { shop, owner } });
}

export function loadSettings(): Promise<SettingsDto> {
  return requestJson<SettingsDto>('/api/v1/settings');
}

export function saveSettings(settings: SettingsDto): Promise<SettingsDto> {
  return requestJson<SettingsDto>('/api/v1/settings', { method: 'PUT', body: settings });
}
