// Order statuses in the shop's words. Which status may follow which is the server's business
// (forno-domain's state machine; the order view carries `next_status`); here only the words.

import type { FulfilmentType, OrderStatus } from '../api/types';
import type { Lang } from '../i18n/lang';
import { sharedText } from './text';

export function statusName(status: OrderStatus, lang: Lang): string {
  // Typed as the wire's statuses: a status the catalogue lacks does not compile.
  const names: Record<OrderStatus, string> = sharedText[lang].status;
  // A status this page does not know yet (a newer server) is shown as the server spells it.
  return (names as Partial<Record<string, string>>)[status] ?? status;
}

/** The counter's button text for moving an order to `status`. */
export function moveAction(status: OrderStatus, fulfilment: FulfilmentType, lang: Lang): string {
  const move = sharedText[lang].move;
  switch (status) {
    case 'accepted':
    case 'preparing':
    case 'ready':
    case 'out_for_delivery':
    case 'rejected':
    case 'cancelled':
      return move[status];
    case 'completed':
      return fulfilment === 'delivery' ? move.completedDelivery : move.completedPickup;
    default:
      return statusName(status, lang);
  }
}

/** The steps a customer sees for their kind of order, in order. */
export function customerSteps(fulfilment: FulfilmentType): OrderStatus[] {
  return fulfilment === 'delivery'
    ? ['placed', 'accepted', 'preparing', 'ready', 'out_for_delivery', 'completed']
    : ['placed', 'accepted', 'preparing', 'ready', 'completed'];
}
