// Paired devices: pairing codes (owner), pairing this screen (public), the list and unpairing.

import { requestJson } from './http';
import type { Device, DeviceRole, PairingCode, SessionAnswer } from './types';

export function newPairingCode(role: DeviceRole): Promise<PairingCode> {
  return requestJson<PairingCode>('/api/v1/devices/pairing-codes', {
    method: 'POST',
    body: { role },
  });
}

/** Pairs the screen this page runs on; the server sets its session cookie. */
export function pairThisDevice(code: string, name: string): Promise<SessionAnswer> {
  return requestJson<SessionAnswer>('/api/v1/devices/pair', {
    method: 'POST',
    body: { code, name },
  });
}

export function listDevices(): Promise<Device[]> {
  return requestJson<Device[]>('/api/v1/devices');
}

export function unpairDevice(id: number): Promise<void> {
  return requestJson<undefined>(`/api/v1/devices/${id}`, { method: 'DELETE' });
}
