import { useState } from 'preact/hooks';
import { fulfilmentType } from '../api/orders';
import type { Channel, Order, OrderStatus } from '../api/types';
import { formatClock, formatEuro } from '../i18n/format';
import { useLang } from '../i18n/preact';
import { moveAction, statusName } from '../shared/status';
import { messagesText, sharedText } from '../shared/text';
import { MessageList } from './MessageList';
import { staffText } from './text';

export interface OrderRowProps {
  order: Order;
  isNew: boolean;
  busy: boolean;
  /** Whether this person's role may make that move (kitchen staff do not accept orders). */
  mayMove: (to: OrderStatus) => boolean;
  onAcknowledge: () => void;
  onMove: (to: OrderStatus) => void;
  /** Offered when this person's role may cancel; the server says whether a PIN is needed. */
  onCancel?: () => void;
  /** Whether this person may send a customer's message again. */
  mayResend: boolean;
}

export function OrderRow({ order, isNew, busy, mayMove, onAcknowledge, onMove, onCancel, mayResend }: OrderRowProps) {
  const lang = useLang();
  const [showMessages, setShowMessages] = useState(false);
  const m = messagesText[lang];
  const shared = sharedText[lang];
  const t = staffText[lang].board;
  const next = order.next_status ?? null;
  const action = next && mayMove(next) && moveAction(next, fulfilmentType(order), lang);
  // Typed as the wire's channels: a channel the catalogue lacks does not compile.
  const channels: Record<Channel, string> = shared.channel;
  return (
    <>
    {/* Clicking anywhere on a new row acknowledges it; the NIEUW button does the same for keyboards. */}
    <tr
      class={isNew ? 'order order--new' : 'order'}
      data-testid={`order-row-${order.number.replace(/^#/, '')}`}
      onClick={isNew ? onAcknowledge : undefined}
    >
      <th scope="row" class="order__id">
        <span class="order__number">{order.number}</span>
        {isNew && (
          <button
            type="button"
            class="new-badge"
            aria-label={t.acknowledge(order.number)}
            onClick={(event) => {
              event.stopPropagation();
              onAcknowledge();
            }}
          >
            {t.newBadge}
          </button>
        )}
      </th>
      <td>{formatClock(order.placed_at, lang)}</td>
      <td>
        {channels[order.channel]} · {shared.fulfilment[fulfilmentType(order)]}
      </td>
      <td>
        {order.contact?.name ?? '—'}
        {order.contact && (
          <button
            type="button"
            class="secondary order__messages"
            aria-expanded={showMessages}
            aria-label={m.showLabel(order.number)}
            onClick={(event) => {
              event.stopPropagation();
              setShowMessages(!showMessages);
            }}
          >
            {m.show}
          </button>
        )}
      </td>
      <td class="money">
        {formatEuro(order.total_cents, lang)}
        {order.payment_state !== 'unpaid' && (
          <span class="order__paid" data-testid="payment-state" data-state={order.payment_state}>
            {' '}
            {t.payment[order.payment_state]}
          </span>
        )}
      </td>
      <td data-testid="order-status" data-status={order.status}>
        {statusName(order.status, lang)}
      </td>
      <td>
        {next && !mayMove(next) && <span class="order__waiting">{t.waitsForCounter}</span>}
        {next && action && (
          <button
            type="button"
            disabled={busy}
            aria-label={t.moveLabel(action, order.number)}
            onClick={(event) => {
              event.stopPropagation();
              onMove(next);
            }}
          >
            {action}
          </button>
        )}
        {onCancel && (
          <button
            type="button"
            class="secondary"
            disabled={busy}
            aria-label={t.cancelLabel(order.number)}
            data-testid="cancel-order"
            onClick={(event) => {
              event.stopPropagation();
              onCancel();
            }}
          >
            {shared.move.cancelled}
          </button>
        )}
      </td>
    </tr>
    {showMessages && (
      <tr class="order__detail">
        <td colSpan={7}>
          <MessageList order={order} mayResend={mayResend} />
        </td>
      </tr>
    )}
    </>
  );
}
