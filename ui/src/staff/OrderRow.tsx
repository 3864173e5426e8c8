import { fulfilmentType } from '../api/orders';
import type { Channel, Order, OrderStatus } from '../api/types';
import { formatClock, formatEuro } from '../shared/format';
import { moveAction, statusName } from '../shared/status';

const CHANNEL_NAMES: Record<Channel, string> = { web: 'Web', counter: 'Balie', phone: 'Telefoon' };

export interface OrderRowProps {
  order: Order;
  isNew: boolean;
  busy: boolean;
  /** Whether this person's role may make that move (kitchen staff do not accept orders). */
  mayMove: (to: OrderStatus) => boolean;
  onAcknowledge: () => void;
  onMove: (to: OrderStatus) => void;
}

export function OrderRow({ order, isNew, busy, mayMove, onAcknowledge, onMove }: OrderRowProps) {
  const next = order.next_status ?? null;
  const action = next && mayMove(next) && moveAction(next, fulfilmentType(order));
  const fulfilment = fulfilmentType(order) === 'delivery' ? 'Bezorgen' : 'Afhalen';
  return (
    // Clicking anywhere on a new row acknowledges it; the NIEUW button does the same for keyboards.
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
            aria-label={`NIEUW: bestelling ${order.number} markeren als gezien`}
            onClick={(event) => {
              event.stopPropagation();
              onAcknowledge();
            }}
          >
            NIEUW
          </button>
        )}
      </th>
      <td>{formatClock(order.placed_at)}</td>
      <td>
        {CHANNEL_NAMES[order.channel]} · {fulfilment}
      </td>
      <td>{order.contact?.name ?? '—'}</td>
      <td class="money">{formatEuro(order.total_cents)}</td>
      <td data-testid="order-status" data-status={order.status}>
        {statusName(order.status)}
      </td>
      <td>
        {next && !mayMove(next) && <span class="order__waiting">Wacht op de kassa</span>}
        {next && action && (
          <button
            type="button"
            disabled={busy}
            aria-label={`${action}: bestelling ${order.number}`}
            onClick={(event) => {
              event.stopPropagation();
              onMove(next);
            }}
          >
            {action}
          </button>
        )}
      </td>
    </tr>
  );
}
