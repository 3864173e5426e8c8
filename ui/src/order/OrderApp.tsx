import { useCallback, useEffect, useState } from 'preact/hooks';
import { LanguageSwitch } from '../i18n/LanguageSwitch';
import { useLang, useText, useTitle } from '../i18n/preact';
import type { Menu, MenuItem, Placed, Shop } from './api';
import {
  addLine,
  CART_KEY,
  linesAgain,
  loadStored,
  parseCart,
  parsePastOrders,
  PAST_ORDERS_KEY,
  rememberOrder,
  replaceLine,
  saveStored,
  type CartLine,
  type PastOrder,
} from './cart';
import { CartPanel } from './CartPanel';
import { Checkout } from './Checkout';
import { Confirmation } from './Confirmation';
import { shopAndMenu } from './early';
import { ItemDialog } from './ItemDialog';
import { MenuView } from './MenuView';
import { followMenu } from '../live/menu-feed';
import { useCartQuote } from './quotes';
import { ShopHeader } from './ShopHeader';
import { orderText } from './text';

type View = 'menu' | 'checkout' | 'done';

/** What the item dialog shows: a new line for an item, or a cart line being changed. */
export interface Choosing {
  item: MenuItem;
  line: CartLine | null;
}

/**
 * `/`: the customers' ordering page. The menu and the shop come from the server and are asked
 * again on every change to the menu or the shop (`live/menu-feed.ts`: the menu socket's
 * `menu.updated` and `shop.updated`), and whenever the page regains focus (and every minute while
 * it is shown, in case sockets are blocked), so a new item, a sold-out item, a changed price or
 * the pause reaches an open page without a reload.
 */
export function OrderApp() {
  const t = useText(orderText);
  const lang = useLang();
  const [shop, setShop] = useState<Shop | null>(null);
  const [menu, setMenu] = useState<Menu | null>(null);
  const [unreachable, setUnreachable] = useState(false);
  const [version, setVersion] = useState(0);
  const [cart, setCart] = useState<CartLine[]>(() => parseCart(loadStored(CART_KEY)));
  const [past, setPast] = useState<PastOrder[]>(() => parsePastOrders(loadStored(PAST_ORDERS_KEY)));
  const [view, setView] = useState<View>('menu');
  const [placed, setPlaced] = useState<Placed | null>(null);
  const [choosing, setChoosing] = useState<Choosing | null>(null);
  useTitle(shop ? t.title(shop.name) : 'Forno');

  const refresh = useCallback(() => {
    shopAndMenu().then(
      ([s, m]) => {
        setShop(s);
        setMenu(m);
        setUnreachable(false);
        setVersion((v) => v + 1);
      },
      () => {
        setUnreachable(true);
      },
    );
  }, []);

  useEffect(() => {
    refresh();
    const unfollow = followMenu(refresh);
    const onFocus = () => {
      if (document.visibilityState === 'visible') refresh();
    };
    window.addEventListener('focus', onFocus);
    document.addEventListener('visibilitychange', onFocus);
    const timer = setInterval(onFocus, 60_000);
    return () => {
      window.removeEventListener('focus', onFocus);
      document.removeEventListener('visibilitychange', onFocus);
      clearInterval(timer);
      unfollow();
    };
  }, [refresh]);

  useEffect(() => {
    saveStored(CART_KEY, JSON.stringify(cart));
  }, [cart]);

  // The moment the menu can be used, for the load budget (tests/e2e/order-budget.spec.ts).
  const ready = shop !== null && menu !== null;
  useEffect(() => {
    if (ready && performance.getEntriesByName('forno:menu-ready').length === 0) performance.mark('forno:menu-ready');
  }, [ready]);

  const cartQuote = useCartQuote(cart, version, (l) => orderText[l].notReached);

  const onPlaced = (answer: Placed) => {
    const order: PastOrder = {
      number: answer.number,
      tracking_url: answer.tracking_url,
      placed_at: new Date().toISOString(),
      lines: cart,
    };
    const remembered = rememberOrder(past, order);
    setPast(remembered);
    saveStored(PAST_ORDERS_KEY, JSON.stringify(remembered));
    setPlaced(answer);
    setCart([]);
    setView('done');
    window.scrollTo(0, 0);
  };

  if (!shop || !menu) {
    return (
      <div class="order">
        <main class="order__loading">
          <p role={unreachable ? 'alert' : 'status'}>{unreachable ? t.unreachable : t.loading}</p>
        </main>
      </div>
    );
  }

  const items = menu.categories.flatMap((c) => c.items);
  return (
    <div class="order" lang={lang}>
      <ShopHeader shop={shop} switcher={<LanguageSwitch />} />
      {view === 'done' && placed ? (
        <Confirmation
          placed={placed}
          shop={shop}
          onNew={() => {
            setView('menu');
            setPlaced(null);
          }}
        />
      ) : view === 'checkout' ? (
        <Checkout
          shop={shop}
          menu={menu}
          cart={cart}
          cartQuote={cartQuote}
          version={version}
          onBack={() => {
            setView('menu');
          }}
          onAdd={(line) => {
            setCart((c) => addLine(c, line));
          }}
          onChange={setCart}
          onPlaced={onPlaced}
          onShopChanged={refresh}
        />
      ) : (
        <div class="order__layout">
          <MenuView
            shop={shop}
            menu={menu}
            past={cart.length === 0 ? past[0] ?? null : null}
            onChoose={(item) => {
              setChoosing({ item, line: null });
            }}
            onOrderAgain={(order) => {
              setCart(linesAgain(order));
            }}
          />
          <CartPanel
            cart={cart}
            items={items}
            cartQuote={cartQuote}
            shop={shop}
            onChange={setCart}
            onEdit={(line) => {
              const item = items.find((i) => i.id === line.item_id);
              if (item) setChoosing({ item, line });
            }}
            onCheckout={() => {
              setView('checkout');
              window.scrollTo(0, 0);
            }}
          />
        </div>
      )}
      <footer class="order__footer">
        <a href="/staff">{t.staff}</a>
      </footer>
      {choosing && (
        <ItemDialog
          key={`${choosing.item.id}-${choosing.line?.key ?? 'new'}`}
          choosing={choosing}
          menu={menu}
          onClose={() => {
            setChoosing(null);
          }}
          onSave={(line) => {
            setCart((c) => (choosing.line ? replaceLine(c, line) : addLine(c, line)));
            setChoosing(null);
          }}
        />
      )}
    </div>
  );
}
