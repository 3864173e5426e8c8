// The register: the bar (who, online orders, busy switches, lock), the order entry (order type,
// caller, category tabs, item buttons) and the cart with the server's totals.

import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { loadMenu, placeOrder, quote, type DiscountBody } from '../api/counter';
import { OPEN_STATUSES } from '../api/orders';
import { setStatus } from '../api/status';
import { ApiError } from '../api/http';
import { attemptKeys } from '../api/idempotency';
import type { Order, StaffMember } from '../api/types';
import { formatEuro } from '../i18n/format';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useLang } from '../i18n/preact';
import { useLive } from '../live/preact';
import type { StaffFeed } from '../live/staff-feed';
import { ConnectionBadge } from '../shared/ConnectionBadge';
import { MailAlert } from '../shared/MailAlert';
import { PrinterAlert } from '../shared/PrinterAlert';
import { KitchenWindowButton } from '../staff/KitchenWindowButton';
import {
  addLine,
  bump,
  findItem,
  newLine,
  NO_CUSTOMER,
  ORDER_TYPES,
  orderRequest,
  searchItems,
  type CartLine,
  type CustomerFields,
  type MenuDto,
  type MenuItem,
  type OrderType,
  type Quote,
} from './cart';
import { BusySwitches, LockChoice } from './BusySwitches';
import { IncomingPanel } from './Incoming';
import { CallerFields } from './CallerFields';
import { DiscountForm } from './Discount';
import { LineEditor } from './LineEditor';
import { OpenOrders, OrderView } from './OrderView';
import { PayDialog } from './PayDialog';
import { counterText } from './text';

type Problem = { error: unknown } | null;

export function Register({
  staff,
  feed,
  onLock,
}: {
  staff: StaffMember;
  feed: StaffFeed;
  onLock: () => void;
}) {
  const lang = useLang();
  const t = counterText[lang];
  const live = useLive(feed);
  const [menu, setMenu] = useState<MenuDto | null>(null);
  const [category, setCategory] = useState(0);
  const [lines, setLines] = useState<CartLine[]>([]);
  const [type, setType] = useState<OrderType>('walk_in');
  const [customer, setCustomer] = useState<CustomerFields>(NO_CUSTOMER);
  const [quoted, setQuoted] = useState<Quote | null>(null);
  const [quoteProblem, setQuoteProblem] = useState<Problem>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [paying, setPaying] = useState<Order | null>(null);
  // Open orders: the list, and the order whose view is open (its id; the feed keeps it fresh).
  const [listing, setListing] = useState(false);
  // A discount on the cart: priced by the quote, given with the order when it is placed.
  const [cartDiscount, setCartDiscount] = useState<DiscountBody | null>(null);
  const [discounting, setDiscounting] = useState(false);
  const [viewing, setViewing] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<{ text: string; bad?: boolean } | null>(null);
  const [search, setSearch] = useState('');
  const searchRef = useRef<HTMLInputElement>(null);
  // One Idempotency-Key per attempt at this order: a retry after a lost answer gets the order
  // that was placed, not a second one; the next order starts afresh.
  const orderKeys = useRef(attemptKeys());

  useEffect(() => {
    const load = () => {
      loadMenu().then(setMenu, () => {
        setNote({ text: t.unreachable, bad: true });
      });
    };
    load();
    // The owner changed the menu (a new item, a price, sold out): the buttons follow at once.
    return feed.listen((event) => {
      if (event.type === 'menu.updated') load();
    });
  }, [feed]);

  const request = useMemo(
    () => ({ ...orderRequest(lines, type, customer), discount: cartDiscount }),
    [lines, type, customer, cartDiscount],
  );
  // Quotes price the discount; the manager's PIN goes only with the order itself.
  const forQuote = (r: typeof request) => (r.discount ? { ...r, discount: { ...r.discount, approval: null } } : r);

  // The totals always come from the server's quote.
  useEffect(() => {
    setQuoted(null);
    setQuoteProblem(null);
    if (lines.length === 0) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      quote(forQuote(request), abort.signal).then(setQuoted, (error: unknown) => {
        if (!abort.signal.aborted) setQuoteProblem({ error });
      });
    }, 120);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [request]);

  const add = (item: MenuItem, size?: string) => {
    setNote(null);
    setLines((ls) => addLine(ls, newLine(item, size)));
  };

  const reset = () => {
    orderKeys.current = attemptKeys();
    setLines([]);
    setCartDiscount(null);
    setCustomer(NO_CUSTOMER);
    setType('walk_in');
    setPaying(null);
    setSearch('');
  };

  const problemText = (error: unknown) =>
    error instanceof ApiError ? t.cart.failed(error.message) : t.cart.unreachable;

  const place = async (): Promise<Order | null> => {
    setBusy(true);
    setNote(null);
    try {
      return await placeOrder(request, orderKeys.current(request));
    } catch (error) {
      setNote({ text: problemText(error), bad: true });
      return null;
    } finally {
      setBusy(false);
    }
  };

  const sendToKitchen = async () => {
    if (busy || lines.length === 0) return;
    const order = await place();
    if (!order) return;
    try {
      await setStatus(order.id, 'accepted');
      setNote({ text: t.cart.sent(order.number) });
      reset();
    } catch (error) {
      setNote({ text: problemText(error), bad: true });
    }
  };

  const startPaying = async () => {
    if (busy || lines.length === 0 || paying) return;
    const order = await place();
    if (order) setPaying(order);
  };

  // Keyboard: typing searches, Enter pays, Escape closes what is open.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const typing =
        target instanceof HTMLInputElement ||
        target instanceof HTMLTextAreaElement ||
        target instanceof HTMLSelectElement;
      if (paying || listing || viewed || discounting || editing !== null || typing || event.ctrlKey || event.metaKey || event.altKey) return;
      if (event.key === 'Enter' && lines.length > 0 && target?.tagName !== 'BUTTON') {
        event.preventDefault();
        void startPaying();
      } else if (event.key.length === 1 && /\p{L}/u.test(event.key)) {
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  });

  const categories = menu?.categories ?? [];
  const shown = search.trim() && menu ? searchItems(menu, search) : (categories[category]?.items ?? []);
  const editLine = lines.find((l) => l.key === editing);
  const incoming = live.orders.filter((o) => o.channel === 'web' && o.status === 'placed');
  const openOrders = live.orders.filter((o) => OPEN_STATUSES.includes(o.status));
  const viewed = viewing === null ? undefined : live.orders.find((o) => o.id === viewing);

  return (
    <div class="register">
      <header class="topbar register__bar">
        <p class="topbar__shop">Forno</p>
        <p class="topbar__who" data-testid="cashier">
          {staff.name}
        </p>
        <ConnectionBadge state={live.connection} />
        <div class="topbar__end">
          <button
            type="button"
            class="secondary"
            onClick={() => {
              setListing(true);
            }}
            data-testid="open-orders-button"
          >
            {t.orders.button(openOrders.length)}
          </button>
          <KitchenWindowButton />
          <a class="button secondary" href="/staff">
            {t.bar.staffPage}
          </a>
          <LockChoice />
          <button type="button" class="secondary" onClick={onLock} data-testid="lock">
            {t.bar.lock}
          </button>
          <LanguageSwitch />
        </div>
      </header>

      <PrinterAlert feed={feed} />
      <MailAlert feed={feed} settingsLink={false} />
      <IncomingPanel orders={incoming} switches={<BusySwitches staff={staff} feed={feed} />} />

      <div class="register__body">
        <section class="entry" aria-label={t.types.label}>
          <div class="order-types" role="group" aria-label={t.types.label}>
            {ORDER_TYPES.map((kind) => (
              <button
                key={kind}
                type="button"
                class="toggle"
                aria-pressed={type === kind}
                onClick={() => {
                  setType(kind);
                }}
              >
                {kind === 'walk_in' ? t.types.walkIn : kind === 'phone_pickup' ? t.types.phonePickup : t.types.phoneDelivery}
              </button>
            ))}
          </div>
          {type !== 'walk_in' && (
            <CallerFields type={type} customer={customer} onChange={setCustomer} />
          )}
          <div class="menu-search">
            <label for="item-search" class="visually-hidden">
              {t.menu.search}
            </label>
            <input
              id="item-search"
              ref={searchRef}
              type="search"
              placeholder={t.menu.search}
              title={t.menu.searchHint}
              value={search}
              onInput={(event) => {
                setSearch(event.currentTarget.value);
              }}
              onKeyDown={(event) => {
                if (event.key === 'Enter') {
                  event.preventDefault();
                  const first = menu ? searchItems(menu, search)[0] : undefined;
                  if (first) add(first);
                  setSearch('');
                  event.currentTarget.blur();
                } else if (event.key === 'Escape') {
                  setSearch('');
                  event.currentTarget.blur();
                }
              }}
            />
          </div>
          <div class="category-tabs" role="tablist" aria-label={t.menu.categories}>
            {categories.map((c, i) => (
              <button
                key={c.id}
                type="button"
                role="tab"
                id={`tab-${c.id}`}
                aria-selected={!search.trim() && i === category}
                aria-controls="item-grid"
                onClick={() => {
                  setSearch('');
                  setCategory(i);
                }}
              >
                {c.names[lang]}
              </button>
            ))}
          </div>
          <div
            id="item-grid"
            role="tabpanel"
            aria-labelledby={categories[category] ? `tab-${categories[category].id}` : undefined}
          >
          <ul class="item-grid">
            {shown.map((item) => (
              <li key={item.id} class="item-tile">
                <button
                  type="button"
                  class="item-tile__main"
                  disabled={item.sold_out}
                  onClick={() => {
                    add(item);
                  }}
                >
                  <span class="item-tile__name">{item.names[lang]}</span>
                  {item.sold_out && <span class="item-tile__sold">{t.menu.soldOut}</span>}
                </button>
                {item.sizes.length > 1 && !item.sold_out && (
                  <div class="item-tile__sizes">
                    {item.sizes.map((s) => (
                      <button
                        key={s.code}
                        type="button"
                        class={s.code === item.usual_size ? 'size usual' : 'size'}
                        aria-label={t.menu.addSize(item.names[lang], s.names[lang])}
                        onClick={() => {
                          add(item, s.code);
                        }}
                      >
                        {s.code}
                      </button>
                    ))}
                  </div>
                )}
              </li>
            ))}
          </ul>
          </div>
        </section>

        <section class="cart" aria-labelledby="cart-heading">
          <h2 id="cart-heading">{t.cart.heading}</h2>
          {note && (
            <p class={note.bad ? 'alert' : 'notice'} role={note.bad ? 'alert' : 'status'} data-testid="counter-note">
              {note.text}
            </p>
          )}
          {lines.length === 0 ? (
            <p class="cart__empty">{t.cart.empty}</p>
          ) : (
            <ol class="cart__lines" data-testid="cart-lines">
              {lines.map((line, i) => (
                <CartRow
                  key={line.key}
                  line={line}
                  menu={menu}
                  priced={quoted?.lines[i]?.total_cents ?? null}
                  onBump={(by) => {
                    setLines((ls) => bump(ls, line.key, by));
                  }}
                  onEdit={() => {
                    setEditing(line.key);
                  }}
                />
              ))}
            </ol>
          )}
          <Totals
            quoted={quoted}
            problem={quoteProblem}
            empty={lines.length === 0}
            onRemoveDiscount={
              cartDiscount
                ? () => {
                    setCartDiscount(null);
                  }
                : null
            }
          />
          <div class="cart__actions">
            <button type="button" class="secondary" disabled={lines.length === 0 || busy} onClick={reset}>
              {t.cart.clear}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={lines.length === 0 || busy}
              onClick={() => {
                setDiscounting(true);
              }}
              data-testid="cart-discount"
            >
              {t.discount.button}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={lines.length === 0 || busy || !quoted}
              onClick={() => void sendToKitchen()}
              data-testid="send"
            >
              {t.cart.send}
            </button>
            <button
              type="button"
              class="pay-button"
              disabled={lines.length === 0 || busy || !quoted}
              onClick={() => void startPaying()}
              data-testid="pay"
            >
              {t.cart.pay} <kbd>Enter</kbd>
            </button>
          </div>
        </section>
      </div>

      {editLine && menu && (
        <LineEditor
          line={editLine}
          menu={menu}
          onChange={(changed) => {
            setLines((ls) => ls.map((l) => (l.key === changed.key ? changed : l)));
          }}
          onClose={() => {
            setEditing(null);
          }}
        />
      )}
      {discounting && (
        <div class="overlay">
          <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="discount-heading" data-testid="cart-discount-dialog">
            <DiscountForm
              lines={lines.map((l) => `${l.quantity}× ${(menu && findItem(menu, l.itemId)?.names[lang]) ?? ''}`)}
              staff={staff}
              give={async (body) => {
                // The server prices it first: a discount it refuses never reaches the cart.
                await quote(forQuote({ ...request, discount: body }));
                setCartDiscount(body);
                setDiscounting(false);
              }}
              onClose={() => {
                setDiscounting(false);
              }}
            />
          </div>
        </div>
      )}
      {listing && viewed === undefined && (
        <OpenOrders
          orders={openOrders}
          onOpen={(order) => {
            setViewing(order.id);
          }}
          onClose={() => {
            setListing(false);
          }}
        />
      )}
      {viewed && !paying && (
        <OrderView
          order={viewed}
          staff={staff}
          onChanged={(order) => {
            feed.store.upsert(order);
          }}
          onPay={setPaying}
          onClose={() => {
            setViewing(null);
          }}
        />
      )}
      {paying && (
        <PayDialog
          order={paying}
          staff={staff}
          onPaid={(order) => {
            setNote({ text: t.cart.paidAndSent(order.number) });
          }}
          onDone={
            viewed
              ? () => {
                  setPaying(null);
                }
              : reset
          }
        />
      )}
    </div>
  );
}

function CartRow({
  line,
  menu,
  priced,
  onBump,
  onEdit,
}: {
  line: CartLine;
  menu: MenuDto | null;
  priced: number | null;
  onBump: (by: number) => void;
  onEdit: () => void;
}) {
  const lang = useLang();
  const t = counterText[lang].cart;
  const item = menu ? findItem(menu, line.itemId) : undefined;
  if (!item) return null;
  const name = item.names[lang];
  const size = item.sizes.find((s) => s.code === line.size);
  const half = line.secondHalf && menu ? findItem(menu, line.secondHalf.itemId) : undefined;
  const extraNames = item.extras.filter((e) => line.extras.includes(e.id)).map((e) => `+ ${e.names[lang]}`);
  const removedNames = item.ingredients
    .filter((ing) => line.removed.includes(ing.id))
    .map((ing) => `− ${ing.names[lang]}`);
  return (
    <li class="cart-line" data-testid="cart-line">
      <button type="button" class="cart-line__what" onClick={onEdit}>
        <span class="cart-line__name">
          {t.quantity(line.quantity)} {name}
          {half ? ` / ${half.names[lang]}` : ''}
          {size && item.sizes.length > 1 ? ` ${size.names[lang]}` : ''}
        </span>
        {(extraNames.length > 0 || removedNames.length > 0) && (
          <span class="cart-line__details">{[...extraNames, ...removedNames].join(', ')}</span>
        )}
        {line.note && <span class="cart-line__details">“{line.note}”</span>}
        <span class="visually-hidden"> · {t.editHint}</span>
      </button>
      <span class="cart-line__price money">{priced === null ? '…' : formatEuro(priced, lang)}</span>
      <span class="cart-line__buttons">
        <button
          type="button"
          class="secondary"
          aria-label={line.quantity === 1 ? t.remove(name) : t.less(name)}
          onClick={() => {
            onBump(-1);
          }}
        >
          −
        </button>
        <button
          type="button"
          class="secondary"
          aria-label={t.more(name)}
          onClick={() => {
            onBump(1);
          }}
        >
          +
        </button>
      </span>
    </li>
  );
}

function Totals({
  quoted,
  problem,
  empty,
  onRemoveDiscount,
}: {
  quoted: Quote | null;
  problem: Problem;
  empty: boolean;
  onRemoveDiscount: (() => void) | null;
}) {
  const lang = useLang();
  const t = counterText[lang].cart;
  if (empty) return null;
  if (problem) {
    return (
      <p class="alert" role="alert">
        {problem.error instanceof ApiError ? t.failed(problem.error.message) : t.unreachable}
      </p>
    );
  }
  if (!quoted) return <p class="cart__totals">{t.pricing}</p>;
  return (
    <dl class="cart__totals" data-testid="cart-totals">
      {quoted.delivery_fee_cents > 0 && (
        <>
          <dt>{t.subtotal}</dt>
          <dd class="money">{formatEuro(quoted.subtotal_cents, lang)}</dd>
          <dt>{t.deliveryFee}</dt>
          <dd class="money">{formatEuro(quoted.delivery_fee_cents, lang)}</dd>
        </>
      )}
      {quoted.discount_cents > 0 && (
        <>
          <dt>{counterText[lang].discount.button}</dt>
          <dd class="money" data-testid="cart-discount-amount">
            −{formatEuro(quoted.discount_cents, lang)}
            {onRemoveDiscount && (
              <button type="button" class="secondary cart__undo-discount" onClick={onRemoveDiscount}>
                {counterText[lang].discount.remove}
              </button>
            )}
          </dd>
        </>
      )}
      <dt class="cart__total">{t.total}</dt>
      <dd class="cart__total money" data-testid="cart-total">
        {formatEuro(quoted.total_cents, lang)}
      </dd>
    </dl>
  );
}
