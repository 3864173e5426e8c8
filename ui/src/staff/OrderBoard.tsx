import { useEffect, useRef, useState } from 'preact/hooks';
import { isOpen } from '../api/orders';
import { isPairedScreen, mayDo } from '../api/session';
import type { Order, OrderStatus, StaffMember } from '../api/types';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useLang } from '../i18n/preact';
import { useLive } from '../live/preact';
import type { StaffFeed } from '../live/staff-feed';
import { ConnectionBadge } from '../shared/ConnectionBadge';
import { KitchenWindowButton } from './KitchenWindowButton';
import { roleName } from '../shared/roles';
import { moveOrder, moveProblem } from './moves';
import { CancelForm } from './CancelForm';
import { OrderRow } from './OrderRow';
import { BrowserNotifications } from '../shared/BrowserNotifications';
import { MailAlert } from '../shared/MailAlert';
import { PrinterAlert } from '../shared/PrinterAlert';
import { staffText } from './text';

/** A move the server refused, worded when shown (in the language the page has then). */
interface FailedMove {
  order: Order;
  to: OrderStatus;
  error: unknown;
}

export interface OrderBoardProps {
  feed: StaffFeed;
  staff: StaffMember;
  onLogOut: () => void;
}

/** The live list of open orders, with the next step for each one. */
export function OrderBoard({ feed, staff, onLogOut }: OrderBoardProps) {
  const { connection, orders } = useLive(feed);
  const lang = useLang();
  const text = staffText[lang];
  const t = text.board;
  const [problem, setProblem] = useState<FailedMove | null>(null);
  const [busy, setBusy] = useState<ReadonlySet<number>>(new Set());
  const [cancelling, setCancelling] = useState<number | null>(null);
  const openOrders = orders.filter((order) => isOpen(order.status));
  const newOrders = openOrders.filter((order) => feed.store.isNew(order.id));
  const toCancel = cancelling === null ? undefined : openOrders.find((order) => order.id === cancelling);
  const announcement = useNewOrderAnnouncement(newOrders, t.newOrders);

  useEffect(() => {
    // A counter screen is often in a background tab: the tab title shows what is waiting.
    document.title =
      newOrders.length > 0 ? text.titleWithNew(newOrders.length) : text.title;
  }, [newOrders.length, text]);

  const move = async (order: Order, to: OrderStatus) => {
    feed.store.acknowledge(order.id);
    setProblem(null);
    setBusy((ids) => new Set(ids).add(order.id));
    try {
      feed.store.upsert(await moveOrder(order, to));
    } catch (error) {
      setProblem({ order, to, error });
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
        <div class="topbar__end">
          <p class="topbar__who">
            {staff.name} <span class="topbar__role">({roleName(staff.role, lang)})</span>
          </p>
          <KitchenWindowButton />
          <BrowserNotifications newOrders={newOrders} />
          {mayDo(staff, 'print_tickets') && (
            <a class="button secondary" href="/printers">
              {t.printers}
            </a>
          )}
          {mayDo(staff, 'edit_settings') && (
            <a class="button secondary" href="/settings">
              {t.settings}
            </a>
          )}
          {!isPairedScreen(staff) && (
            <button type="button" class="secondary" onClick={onLogOut}>
              {t.logOut}
            </button>
          )}
          <LanguageSwitch />
        </div>
      </header>
      <main class="board">
        <h1>
          {t.heading} <span class="board__count">({openOrders.length})</span>
        </h1>
        <p class="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        {mayDo(staff, 'print_tickets') && <PrinterAlert feed={feed} />}
        <MailAlert feed={feed} settingsLink={mayDo(staff, 'edit_settings')} />
        {problem && (
          <p class="alert" role="alert">
            {moveProblem(problem.order, problem.to, problem.error, lang)}
          </p>
        )}
        {toCancel && (
          <CancelForm
            key={toCancel.id}
            order={toCancel}
            staff={staff}
            onCancelled={(next) => {
              feed.store.upsert(next);
              setCancelling(null);
            }}
            onClose={() => {
              setCancelling(null);
            }}
          />
        )}
        {openOrders.length === 0 ? (
          <p class="board__empty">{t.empty}</p>
        ) : (
          <table class="orders">
            <thead>
              <tr>
                <th scope="col">{t.columns.number}</th>
                <th scope="col">{t.columns.time}</th>
                <th scope="col">{t.columns.channel}</th>
                <th scope="col">{t.columns.customer}</th>
                <th scope="col" class="money">
                  {t.columns.total}
                </th>
                <th scope="col">{t.columns.status}</th>
                <th scope="col">{t.columns.next}</th>
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
                  {...(staff.may_set_statuses.includes('cancelled')
                    ? {
                        onCancel: () => {
                          feed.store.acknowledge(order.id);
                          setCancelling(order.id);
                        },
                      }
                    : {})}
                  mayResend={mayDo(staff, 'resend_messages')}
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
function useNewOrderAnnouncement(
  newOrders: Order[],
  sentence: (numbers: string) => string,
): string {
  const announced = useRef(new Set<number>());
  const [text, setText] = useState('');
  useEffect(() => {
    const unseen = newOrders.filter((order) => !announced.current.has(order.id));
    if (unseen.length === 0) return;
    for (const order of unseen) announced.current.add(order.id);
    setText(sentence(unseen.map((order) => order.number).join(', ')));
  }, [newOrders]);
  return text;
}
