// Order statuses in the shop's words. Which status may follow which is the server's business
// (forno-domain's state machine; the order view carries `next_status`); here only the words.

import type { FulfilmentType, OrderStatus } from '../api/types';
import type { Lang } from './format';

const STATUS_NAMES: Record<OrderStatus, Record<Lang, string>> = {
  placed: { nl: 'Geplaatst', en: 'Placed' },
  accepted: { nl: 'Geaccepteerd', en: 'Accepted' },
  preparing: { nl: 'In de oven', en: 'In the oven' },
  ready: { nl: 'Klaar', en: 'Ready' },
  out_for_delivery: { nl: 'Onderweg', en: 'On its way' },
  completed: { nl: 'Afgerond', en: 'Completed' },
  rejected: { nl: 'Afgewezen', en: 'Rejected' },
  cancelled: { nl: 'Geannuleerd', en: 'Cancelled' },
};

export function statusName(status: OrderStatus, lang: Lang = 'nl'): string {
  // A status this page does not know yet (a newer server) is shown as the server spells it.
  return (STATUS_NAMES as Partial<typeof STATUS_NAMES>)[status]?.[lang] ?? status;
}

/** The counter's button text for moving an order to `status` (staff screens are Dutch only). */
export function moveAction(status: OrderStatus, fulfilment: FulfilmentType): string {
  switch (status) {
    case 'accepted':
      return 'Accepteren';
    case 'preparing':
      return 'In de oven';
    case 'ready':
      return 'Klaar';
    case 'out_for_delivery':
      return 'Onderweg';
    case 'completed':
      return fulfilment === 'delivery' ? 'Bezorgd' : 'Afgehaald';
    case 'rejected':
      return 'Afwijzen';
    case 'cancelled':
      return 'Annuleren';
    default:
      return statusName(status);
  }
}

/** The steps a customer sees for their kind of order, in order. */
export function customerSteps(fulfilment: FulfilmentType): OrderStatus[] {
  return fulfilment === 'delivery'
    ? ['placed', 'accepted', 'preparing', 'ready', 'out_for_delivery', 'completed']
    : ['placed', 'accepted', 'preparing', 'ready', 'completed'];
}
