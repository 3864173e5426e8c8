import { fulfilmentType } from '../api/orders';
import type { TrackedOrder } from '../api/types';
import { formatClock } from '../i18n/format';
import type { Lang } from '../i18n/lang';
import { useLang } from '../i18n/preact';
import { statusName } from '../shared/status';
import { OrderSummary } from './OrderSummary';
import { StatusSteps } from './StatusSteps';
import { trackText, type TrackText } from './text';

export function TrackedOrderView({ order }: { order: TrackedOrder }) {
  const lang = useLang();
  const text = trackText[lang];
  const stopped = order.status === 'cancelled' || order.status === 'rejected';
  const headline = progressSentence(order, text, lang);
  return (
    <>
      <h1>{text.order(order.number)}</h1>
      <p class="status-now" data-testid="order-status" data-status={order.status}>
        {text.statusNow}: <strong>{statusName(order.status, lang)}</strong>
      </p>
      {headline && <p class="eta">{headline}</p>}
      {stopped ? (
        <div class="alert" role="status">
          <p>{order.status === 'cancelled' ? text.cancelled : text.rejected}</p>
          {order.customer_message && (
            <p data-testid="shop-message">
              {text.shopSays} <q>{order.customer_message}</q>
            </p>
          )}
        </div>
      ) : (
        <StatusSteps order={order} />
      )}
      <OrderSummary order={order} />
    </>
  );
}

/** What the customer most wants to know right now: when, or that it is ready or on its way. */
function progressSentence(order: TrackedOrder, text: TrackText, lang: Lang): string | null {
  switch (order.status) {
    case 'placed':
    case 'accepted':
    case 'preparing':
      return order.estimated_ready_at
        ? text.readyAt(fulfilmentType(order), formatClock(order.estimated_ready_at, lang))
        : null;
    case 'ready':
      return text.readyNow(fulfilmentType(order));
    case 'out_for_delivery':
      return text.onItsWay;
    default:
      return null;
  }
}
