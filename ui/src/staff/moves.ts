// Moving an order to its next status from the counter.

import { ApiError, requestJson } from '../api/http';
import type { Order, OrderStatus } from '../api/types';
import { statusName } from '../shared/status';

/** Asks the server to move the order; answers with what the server returned (the order). */
export function moveOrder(order: Order, to: OrderStatus): Promise<unknown> {
  return requestJson<unknown>(`/api/v1/orders/${order.id}/status`, {
    method: 'POST',
    body: { status: to },
  });
}

/** A sentence for the counter: what went wrong and what to do. */
export function moveProblem(order: Order, to: OrderStatus, error: unknown): string {
  const target = `“${statusName(to)}”`;
  if (!(error instanceof ApiError)) {
    return `Bestelling ${order.number} staat nog niet op ${target}: de kassa is niet bereikbaar. Probeer het zo opnieuw.`;
  }
  switch (error.status) {
    case 403:
      return `Je rol mag bestelling ${order.number} niet op ${target} zetten. Vraag een collega met meer rechten.`;
    case 409:
      return `Bestelling ${order.number} kan niet op ${target}: ${error.message} De lijst toont de actuele stand.`;
    default:
      return `Bestelling ${order.number} staat nog niet op ${target}: ${error.message}`;
  }
}
