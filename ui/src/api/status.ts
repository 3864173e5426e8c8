// Moving an order to another status: the one request every screen (counter, kitchen, the
// owner's board, the staff list) sends. Which status may come next is the server's answer.

import { requestJson } from './http';
import type { Order, OrderStatus } from './types';

/** What may go with a move: a reason (staff only), a prep time, a message for the customer. */
export interface StatusExtra {
  reason?: string;
  prep_time_minutes?: number;
  customer_message?: string;
  /** A manager's or owner's name and PIN, for what the caller's role may not do alone. */
  approval?: { name: string; pin: string } | null;
}

/** `POST /orders/{id}/status`: answers with the order as it is after the move. */
export function setStatus(orderId: number, status: OrderStatus, extra: StatusExtra = {}): Promise<Order> {
  return requestJson<Order>(`/api/v1/orders/${orderId}/status`, {
    method: 'POST',
    body: { status, ...extra },
  });
}
