import { useEffect, useRef, useState } from 'preact/hooks';
import { isOpen } from '../api/orders';
import { isPairedScreen, mayDo } from '../api/session';
import type { Order, OrderStatus, StaffMember } from '../api/types';
import { useLive } from '../live/preact';
import type { StaffFeed } from '../live/staff-feed';
import { ConnectionBadge } from '../shared/ConnectionBadge';
import { KitchenWindowButton } from './KitchenWindowButton';
import { ROLE_NAMES } from '../shared/roles';
import { moveOrder, moveProblem } from './moves';
import { OrderRow } from './OrderRow';

const TITLE = 'Bestellingen · Forno';

export interface OrderBoardProps {
  feed: StaffFeed;
  staff: StaffMember;
  onLogOut: () => void;
}

/** The live list of open orders, with the next step for each one. */
export function OrderBoard({ feed, staff, onLogOut }: OrderBoardProps) {
  const { connection, orders } = useLive(feed);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<number>>(new Set());
  const openOrders = orders.filter((order) => isOpen(order.status));
  const newOrders = openOrders.filter((order) => feed.store.isNew(order.id));
  const announcement = useNewOrderAnnouncement(newOrders);

  useEffect(() => {
    // A counter screen is often in a background tab: the tab title shows what is waiting.
    document.title = newOrders.length > 0 ? `(${newOrders.length} nieuw) ${TITLE}` : TITLE;
  }, [newOrders.length]);

  const move = async (order: Order, to: OrderStatus) => {
    feed.store.acknowledge(order.id);
    setProblem(null);
    setBusy((ids) => new Set(ids).add(order.id));
    try {
      feed.store.upsert(await moveOrder(order, to));
    } catch (error) {
      setProblem(moveProblem(order, to, error));
    } finally {
      setBusy((ids) => {
        const rest = new Set(ids);
        rest.delete(order.id);
        return rest;
      });
    }
  };

  return (
    <>
      <header class="topbar">
        <p class="topbar__shop">Forno</p>
        <ConnectionBadge state={connection} />
        <p class="topbar__who">
          {staff.name} <span class="topbar__role">({ROLE_NAMES[staff.role]})</span>
        </p>
        <KitchenWindowButton />
        {mayDo(staff, 'edit_settings') && (
          <a class="button secondary" href="/settings">
            Instellingen
          </a>
        )}
        {!isPairedScreen(staff) && (
          <button type="button" class="secondary" onClick={onLogOut}>
            Uitloggen
          </button>
        )}
      </header>
      <main class="board">
        <h1>
          Openstaande bestellingen <span class="board__count">({openOrders.length})</span>
        </h1>
        <p class="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        {problem && (
          <p class="alert" role="alert">
            {problem}
          </p>
        )}
        {openOrders.length === 0 ? (
          <p class="board__empty">
            Geen openstaande bestellingen. Nieuwe bestellingen verschijnen hier vanzelf.
          </p>
        ) : (
          <table class="orders">
            <thead>
              <tr>
                <th scope="col">Nr.</th>
                <th scope="col">Tijd</th>
                <th scope="col">Kanaal</th>
                <th scope="col">Klant</th>
                <th scope="col" class="money">
                  Totaal
                </th>
                <th scope="col">Status</th>
                <th scope="col">Volgende stap</th>
              </tr>
            </thead>
            <tbody>
              {openOrders.map((order) => (
                <OrderRow
                  key={order.id}
                  order={order}
                  isNew={feed.store.isNew(order.id)}
                  busy={busy.has(order.id)}
                  mayMove={(to) => staff.may_set_statuses.includes(to)}
                  onAcknowledge={() => {
                    feed.store.acknowledge(order.id);
                  }}
                  onMove={(to) => void move(order, to)}
                />
              ))}
            </tbody>
          </table>
        )}
      </main>
    </>
  );
}

/** A sentence for screen readers whenever another order arrives. */
function useNewOrderAnnouncement(newOrders: Order[]): string {
  const announced = useRef(new Set<number>());
  const [text, setText] = useState('');
  useEffect(() => {
    const unseen = newOrders.filter((order) => !announced.current.has(order.id));
    if (unseen.length === 0) return;
    for (const order of unseen) announced.current.add(order.id);
    setText(`Nieuwe bestelling: ${unseen.map((order) => order.number).join(', ')}`);
  }, [newOrders]);
  return text;
}
