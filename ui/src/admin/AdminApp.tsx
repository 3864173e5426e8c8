// The owner's live board (`/admin`): today's orders live, one column per status, cards dragged
// (or moved with the keyboard) to change the status, a confirmation for cancelling and an undo;
// and a list of every order with filters, search and paging. Which statuses a role may set and
// which step comes next are the server's (`may_set_statuses`, `next_status`, `undo`).

import { useEffect, useState } from 'preact/hooks';
import { ApiError, requestJson } from '../api/http';
import { recallOrder } from '../api/kitchen';
import { setStatus } from '../api/status';
import { currentStaff } from '../api/session';
import type { Order, OrderStatus, StaffMember } from '../api/types';
import { formatClock, formatDateTime, formatEuro, SHOP_TIME_ZONE } from '../i18n/format';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useLang, useText, useTitle } from '../i18n/preact';
import { useFeed, useLive } from '../live/preact';
import { startStaffFeed, type StaffFeed } from '../live/staff-feed';
import { ConnectionBadge } from '../shared/ConnectionBadge';
import { roleName } from '../shared/roles';
import { statusName } from '../shared/status';
import { sharedText } from '../shared/text';
import { LoginForm } from '../staff/LoginForm';
import { AdminNav, type AdminView } from './AdminNav';
import { AuditPage } from './audit/AuditPage';
import { StaffPage } from './staff/StaffPage';
import { adminText } from './text';

/** The board's columns, in the order an evening runs. Rejected orders sit with the cancelled. */
export const COLUMNS: readonly OrderStatus[] = [
  'placed',
  'accepted',
  'preparing',
  'ready',
  'out_for_delivery',
  'completed',
  'cancelled',
];

function columnOf(status: OrderStatus): OrderStatus {
  return status === 'rejected' ? 'cancelled' : status;
}

/** The shop's date today, `YYYY-MM-DD` (the business date orders carry). */
export function shopToday(now = new Date()): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: SHOP_TIME_ZONE }).format(now);
}

type View = AdminView;

const VIEWS: readonly View[] = ['board', 'list', 'staff', 'audit'];

function viewFromUrl(): View {
  const asked = new URLSearchParams(window.location.search).get('view');
  return VIEWS.find((v) => v === asked) ?? 'board';
}

function viewUrl(view: View): string {
  return view === 'board' ? '/admin' : `/admin?view=${view}`;
}

export function AdminApp() {
  const [staff, setStaff] = useState<StaffMember | null | undefined>(undefined);
  const t = useText(adminText);
  useTitle(t.title);
  useEffect(() => {
    currentStaff().then(setStaff, () => {
      setStaff(null);
    });
  }, []);
  if (staff === undefined) return <p class="page-note">{t.loading}</p>;
  if (staff === null) {
    return (
      <>
        <header class="topbar">
          <p class="topbar__shop">Forno</p>
          <div class="topbar__end">
            <LanguageSwitch />
          </div>
        </header>
        <p class="page-note">{t.loginFirst}</p>
        <LoginForm onLoggedIn={setStaff} />
      </>
    );
  }
  return <Admin staff={staff} />;
}

function Admin({ staff }: { staff: StaffMember }) {
  const t = useText(adminText);
  const [view, setView] = useState<View>(viewFromUrl);
  const state = useFeed({
    start: () => startStaffFeed(),
    isFinal: (error) => error instanceof ApiError && error.status === 401,
  });
  const go = (next: View) => (event: Event) => {
    event.preventDefault();
    history.pushState(null, '', viewUrl(next));
    setView(next);
  };
  useEffect(() => {
    const onPop = () => {
      setView(viewFromUrl());
    };
    window.addEventListener('popstate', onPop);
    return () => {
      window.removeEventListener('popstate', onPop);
    };
  }, []);
  return (
    <div class="admin">
      <header class="topbar">
        <p class="topbar__shop">Forno</p>
        <AdminNav current={view} permissions={staff.permissions} onGo={go} />
        <div class="topbar__end">
          <span class="topbar__who">
            {staff.name} ({roleName(staff.role, useLang())})
          </span>
          {state.kind === 'running' && <LiveBadge feed={state.feed} />}
          <LanguageSwitch />
        </div>
      </header>
      {view === 'staff' ? (
        <StaffPage staff={staff} />
      ) : view === 'audit' ? (
        <AuditPage staff={staff} />
      ) : state.kind !== 'running' ? (
        <p class="page-note" role={state.kind === 'retrying' ? 'alert' : 'status'}>
          {state.kind === 'retrying'
            ? state.error instanceof ApiError
              ? t.failed(state.error.message)
              : t.unreachable
            : t.loading}
        </p>
      ) : view === 'board' ? (
        <Board feed={state.feed} staff={staff} />
      ) : (
        <OrderList />
      )}
    </div>
  );
}

function LiveBadge({ feed }: { feed: StaffFeed }) {
  const { connection } = useLive(feed);
  return <ConnectionBadge state={connection} />;
}

type Note = { text: string; bad: boolean; undo?: Order };

function Board({ feed, staff }: { feed: StaffFeed; staff: StaffMember }) {
  const t = useText(adminText);
  const lang = useLang();
  const { orders } = useLive(feed);
  const [note, setNote] = useState<Note | null>(null);
  const [cancelling, setCancelling] = useState<Order | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const today = shopToday();

  // Today's closed orders too (the feed holds the open ones).
  useEffect(() => {
    requestJson<{ orders: unknown[] }>(
      `/api/v1/orders?status=completed,cancelled,rejected&from=${today}&to=${today}&limit=500`,
    ).then(
      (page) => {
        for (const order of page.orders) feed.store.upsert(order);
      },
      () => {
        // The open orders still show; the closed ones come with the next change.
      },
    );
  }, [feed, today]);

  const shown = orders.filter((o) => o.business_date === today || !['completed', 'cancelled', 'rejected'].includes(o.status));
  const fresh = shown.filter((o) => feed.store.isNew(o.id));
  useTitle(fresh.length > 0 ? t.titleWithNew(fresh.length) : t.title);

  const failed = (order: Order, error: unknown) => {
    setNote({
      text: error instanceof ApiError ? t.board.refused(order.number, error.message) : t.board.unreachable(order.number),
      bad: true,
    });
  };

  const move = async (order: Order, to: OrderStatus, reason?: string) => {
    feed.store.acknowledge(order.id);
    if (to === order.status) return;
    if (!staff.may_set_statuses.includes(to)) {
      setNote({ text: t.board.notAllowed(statusName(to, lang)), bad: true });
      return;
    }
    if (to === 'cancelled' && reason === undefined) {
      setCancelling(order);
      return;
    }
    try {
      const moved = await setStatus(order.id, to, reason === undefined ? {} : { reason });
      feed.store.upsert(moved);
      setNote({ text: t.board.moved(moved.number, statusName(moved.status, lang)), bad: false, undo: moved });
    } catch (error) {
      failed(order, error);
    }
  };

  const undo = async (order: Order) => {
    try {
      const back = await recallOrder(order.id);
      feed.store.upsert(back);
      setNote({ text: t.board.undone(back.number, statusName(back.status, lang)), bad: false });
    } catch (error) {
      failed(order, error);
    }
  };

  const byId = (id: number) => shown.find((o) => o.id === id);

  return (
    <main class="admin-board">
      <h1 class="admin-board__title">{t.board.heading}</h1>
      <p class="admin-board__hint">{t.board.dragHint}</p>
      {note && (
        <p class={note.bad ? 'alert' : 'admin-note'} role={note.bad ? 'alert' : 'status'} data-testid="admin-note">
          {note.text}{' '}
          {note.undo && (
            <button type="button" class="secondary" onClick={() => void undo(note.undo as Order)} data-testid="undo">
              {t.board.undo}
            </button>
          )}
        </p>
      )}
      <div class="admin-columns">
        {COLUMNS.map((status) => {
          const cards = shown.filter((o) => columnOf(o.status) === status);
          return (
            <section
              key={status}
              class={`admin-column${dragging !== null ? ' admin-column--target' : ''}`}
              data-testid={`column-${status}`}
              aria-labelledby={`col-${status}`}
              onDragOver={(e) => {
                e.preventDefault();
              }}
              onDrop={(e) => {
                e.preventDefault();
                const id = Number(e.dataTransfer?.getData('text/plain') ?? dragging);
                setDragging(null);
                const order = byId(id);
                if (order) void move(order, status);
              }}
            >
              <h2 id={`col-${status}`} class="admin-column__title">
                {statusName(status, lang)} <span class="admin-column__count" data-testid="column-count">{cards.length}</span>
              </h2>
              <ul class="admin-cards">
                {cards.map((order) => (
                  <Card
                    key={order.id}
                    order={order}
                    staff={staff}
                    isNew={feed.store.isNew(order.id)}
                    onSeen={() => {
                      feed.store.acknowledge(order.id);
                    }}
                    onDragStart={() => {
                      setDragging(order.id);
                    }}
                    onMove={(to) => void move(order, to)}
                    onUndo={() => void undo(order)}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </div>
      {cancelling && (
        <CancelDialog
          order={cancelling}
          onCancel={(reason) => {
            const order = cancelling;
            setCancelling(null);
            void move(order, 'cancelled', reason);
          }}
          onKeep={() => {
            setCancelling(null);
          }}
        />
      )}
    </main>
  );
}

function Card({
  order,
  staff,
  isNew,
  onSeen,
  onDragStart,
  onMove,
  onUndo,
}: {
  order: Order;
  staff: StaffMember;
  isNew: boolean;
  onSeen: () => void;
  onDragStart: () => void;
  onMove: (to: OrderStatus) => void;
  onUndo: () => void;
}) {
  const t = useText(adminText);
  const lang = useLang();
  const shared = useText(sharedText);
  const fulfilment = typeof order.fulfilment === 'string' ? order.fulfilment : order.fulfilment.type;
  const targets = staff.may_set_statuses.filter((s) => s !== order.status && s !== 'placed');
  const [target, setTarget] = useState<OrderStatus | ''>(order.next_status ?? '');
  const canUndo = order.undo && Date.parse(order.undo.until) > Date.now();
  return (
    <li
      class={`admin-card${isNew ? ' admin-card--new' : ''}`}
      draggable
      data-testid="admin-card"
      data-number={order.number}
      data-status={order.status}
      onDragStart={(e) => {
        e.dataTransfer?.setData('text/plain', String(order.id));
        onDragStart();
      }}
    >
      <p class="admin-card__head">
        <strong>{order.number}</strong> · {formatClock(order.placed_at, lang)} · {shared.fulfilment[fulfilment]}
        {isNew && (
          <button type="button" class="admin-card__new" onClick={onSeen} aria-label={t.board.seen(order.number)}>
            {t.board.newBadge}
          </button>
        )}
      </p>
      <p class="admin-card__who">
        {order.contact?.name ?? shared.channel[order.channel]} · {formatEuro(order.total_cents, lang)}
      </p>
      {targets.length > 0 && ['placed', 'accepted', 'preparing', 'ready', 'out_for_delivery'].includes(order.status) && (
        <form
          class="admin-card__move"
          onSubmit={(e) => {
            e.preventDefault();
            if (target) onMove(target);
          }}
        >
          <select
            aria-label={t.board.moveTo(order.number)}
            value={target}
            onChange={(e) => {
              setTarget((e.target as HTMLSelectElement).value as OrderStatus);
            }}
            data-testid="move-select"
          >
            {targets.map((s) => (
              <option key={s} value={s}>
                {statusName(s, lang)}
              </option>
            ))}
          </select>
          <button type="submit" class="secondary" data-testid="move">
            {t.board.move}
          </button>
        </form>
      )}
      {canUndo && (
        <button type="button" class="secondary" onClick={onUndo} aria-label={t.board.undoLabel(order.number)} data-testid="card-undo">
          {t.board.undo}
        </button>
      )}
    </li>
  );
}

function CancelDialog({ order, onCancel, onKeep }: { order: Order; onCancel: (reason: string) => void; onKeep: () => void }) {
  const t = useText(adminText);
  const [reason, setReason] = useState('');
  return (
    <div class="admin-dialog" role="dialog" aria-modal="true" aria-labelledby="cancel-title">
      <form
        class="admin-dialog__box"
        onSubmit={(e) => {
          e.preventDefault();
          onCancel(reason);
        }}
      >
        <h2 id="cancel-title">{t.cancel.title(order.number)}</h2>
        <label>
          {t.cancel.reason}
          <textarea
            value={reason}
            required
            onInput={(e) => {
              setReason((e.target as HTMLTextAreaElement).value);
            }}
          />
        </label>
        <div class="admin-dialog__buttons">
          <button type="submit">{t.cancel.confirm}</button>
          <button type="button" class="secondary" onClick={onKeep} autoFocus>
            {t.cancel.keep}
          </button>
        </div>
      </form>
    </div>
  );
}

const PAGE = 20;

interface Filters {
  status: string;
  channel: string;
  fulfilment: string;
  from: string;
  to: string;
  q: string;
}

export function listQuery(filters: Filters, offset: number): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters) as [string, string][]) {
    if (value.trim()) params.set(key, value.trim());
  }
  params.set('limit', String(PAGE));
  params.set('offset', String(offset));
  return params.toString();
}

function OrderList() {
  const t = useText(adminText);
  const lang = useLang();
  const shared = useText(sharedText);
  const [filters, setFilters] = useState<Filters>({ status: '', channel: '', fulfilment: '', from: '', to: '', q: '' });
  const [applied, setApplied] = useState(filters);
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<{ orders: Order[]; total: number } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    requestJson<{ orders: Order[]; total: number }>(`/api/v1/orders?${listQuery(applied, offset)}`).then(
      (answer) => {
        if (!cancelled) {
          setPage(answer);
          setProblem(null);
        }
      },
      (error: unknown) => {
        if (!cancelled) setProblem(error instanceof ApiError ? error.message : t.unreachable);
      },
    );
    return () => {
      cancelled = true;
    };
  }, [applied, offset]);

  const field = (key: keyof Filters) => ({
    value: filters[key],
    onInput: (e: Event) => {
      setFilters({ ...filters, [key]: (e.target as HTMLInputElement).value });
    },
  });
  const statuses: OrderStatus[] = [...COLUMNS, 'rejected'];
  return (
    <main class="admin-list">
      <h1>{t.list.heading}</h1>
      <form
        class="admin-filters"
        onSubmit={(e) => {
          e.preventDefault();
          setOffset(0);
          setApplied(filters);
        }}
      >
        <label>
          {t.list.search}
          <input type="search" {...field('q')} data-testid="filter-q" />
        </label>
        <label>
          {t.list.status}
          <select {...field('status')} onChange={field('status').onInput} data-testid="filter-status">
            <option value="">{t.list.any}</option>
            {statuses.map((s) => (
              <option key={s} value={s}>
                {statusName(s, lang)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.list.channel}
          <select {...field('channel')} onChange={field('channel').onInput} data-testid="filter-channel">
            <option value="">{t.list.any}</option>
            {(['web', 'counter', 'phone'] as const).map((c) => (
              <option key={c} value={c}>
                {shared.channel[c]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.list.fulfilment}
          <select {...field('fulfilment')} onChange={field('fulfilment').onInput} data-testid="filter-fulfilment">
            <option value="">{t.list.any}</option>
            {(['pickup', 'delivery'] as const).map((f) => (
              <option key={f} value={f}>
                {shared.fulfilment[f]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t.list.from}
          <input type="date" {...field('from')} data-testid="filter-from" />
        </label>
        <label>
          {t.list.to}
          <input type="date" {...field('to')} data-testid="filter-to" />
        </label>
        <button type="submit" data-testid="filter-apply">
          {t.list.apply}
        </button>
      </form>
      {problem && (
        <p class="alert" role="alert">
          {problem}
        </p>
      )}
      {page && (
        <>
          <p role="status" data-testid="list-total">
            {page.total === 0
              ? t.list.empty
              : t.list.page(offset + 1, offset + page.orders.length, page.total)}
          </p>
          {page.orders.length > 0 && (
            <table class="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t.list.columns.number}</th>
                  <th scope="col">{t.list.columns.placed}</th>
                  <th scope="col">{t.list.columns.customer}</th>
                  <th scope="col">{t.list.columns.channel}</th>
                  <th scope="col">{t.list.columns.fulfilment}</th>
                  <th scope="col">{t.list.columns.status}</th>
                  <th scope="col">{t.list.columns.total}</th>
                </tr>
              </thead>
              <tbody>
                {page.orders.map((o) => {
                  const kind = typeof o.fulfilment === 'string' ? o.fulfilment : o.fulfilment.type;
                  return (
                    <tr key={o.id} data-testid="list-row" data-number={o.number}>
                      <td>{o.number}</td>
                      <td>{formatDateTime(o.placed_at, lang)}</td>
                      <td>{o.contact?.name ?? '—'}</td>
                      <td>{shared.channel[o.channel]}</td>
                      <td>{shared.fulfilment[kind]}</td>
                      <td>{statusName(o.status, lang)}</td>
                      <td>{formatEuro(o.total_cents, lang)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
          <div class="admin-paging">
            <button type="button" class="secondary" disabled={offset === 0} onClick={() => {
                setOffset(Math.max(0, offset - PAGE));
              }}>
              {t.list.previous}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={offset + PAGE >= page.total}
              onClick={() => {
                setOffset(offset + PAGE);
              }}
              data-testid="next-page"
            >
              {t.list.next}
            </button>
          </div>
        </>
      )}
    </main>
  );
}
