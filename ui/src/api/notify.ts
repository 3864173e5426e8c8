// Notifications (docs/api.md "Notifications"): their settings, the test mail, an order's
// messages with "send again", and whether mail goes out.

import { requestJson } from './http';
import type {
  MailStatus,
  NotifySettings,
  NotifySettingsBody,
  OrderMessage,
  TestMailResult,
} from './types';

export function loadNotifySettings(): Promise<NotifySettings> {
  return requestJson<NotifySettings>('/api/v1/settings/notifications');
}

export function saveNotifySettings(body: NotifySettingsBody): Promise<NotifySettings> {
  return requestJson<NotifySettings>('/api/v1/settings/notifications', { method: 'PUT', body });
}

export function sendTestMail(to: string): Promise<TestMailResult> {
  return requestJson<TestMailResult>('/api/v1/settings/notifications/test-mail', {
    method: 'POST',
    body: { to },
  });
}

export function orderMessages(orderId: number): Promise<OrderMessage[]> {
  return requestJson<OrderMessage[]>(`/api/v1/orders/${orderId}/messages`);
}

export function resendMessage(id: number): Promise<OrderMessage> {
  return requestJson<OrderMessage>(`/api/v1/messages/${id}/resend`, { method: 'POST' });
}

export function mailStatus(): Promise<MailStatus> {
  return requestJson<MailStatus>('/api/v1/mail/status');
}
