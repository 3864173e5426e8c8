// Moving an order to its next status from the counter.

import { ApiError } from '../api/http';
import { setStatus } from '../api/status';
import type { Order, OrderStatus } from '../api/types';
import type { Lang } from '../i18n/lang';
import { statusName } from '../shared/status';
import { staffText } from './text';

/** Asks the server to move the order; answers with what the server returned (the order). */
export function moveOrder(order: Order, to: OrderStatus): Promise<Order> {
  return setStatus(order.id, to);
}

/** A sentence for the counter: what went wrong and what to do. */
export function moveProblem(order: Order, to: OrderStatus, error: unknown, lang: Lang): string {
  const text = staffText[lang].move;
  const target = `“${statusName(to, lang)}”`;
  if (!(error instanceof ApiError)) return text.unreachable(order.number, target);
  switch (error.status) {
    case 403:
      return text.forbidden(order.number, target);
    case 409:
      return text.conflict(order.number, target, error.message);
    default:
      return text.failed(order.number, target, error.message);
  }
}
