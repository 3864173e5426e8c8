import { useEffect, useRef, useState } from 'preact/hooks';
import { formatEuro } from '../i18n/format';
import { useLang, useText } from '../i18n/preact';
import type { MenuItem, Shop } from './api';
import { removeLine, setQuantity, type CartLine } from './cart';
import { lineDetails, lineTitle } from './lines';
import type { CartQuote } from './quotes';
import { orderText } from './text';

/** The cart: lines editable and removable, totals and VAT from the server's quote. */
export function CartPanel({
  cart,
  items,
  cartQuote,
  shop,
  onChange,
  onEdit,
  onCheckout,
}: {
  cart: CartLine[];
  items: MenuItem[];
  cartQuote: CartQuote;
  shop: Shop;
  onChange: (cart: CartLine[]) => void;
  onEdit: (line: CartLine) => void;
  onCheckout: () => void;
}) {
  const t = useText(orderText);
  const lang = useLang();
  const { quote } = cartQuote;
  const count = cart.reduce((n, l) => n + l.quantity, 0);
  const canOrder = !shop.paused && (shop.open_now || shop.slots.pickup.length + shop.slots.delivery.length > 0);
  // The bar at the bottom of a phone's screen leads to the cart; once the cart is in view it goes.
  const aside = useRef<HTMLElement>(null);
  const [inView, setInView] = useState(false);
  useEffect(() => {
    const element = aside.current;
    if (!element || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver((entries) => {
      setInView(entries.some((e) => e.isIntersecting));
    });
    observer.observe(element);
    return () => {
      observer.disconnect();
    };
  }, []);
  return (
    <>
      <aside class="cart" id="cart" aria-labelledby="cart-heading" ref={aside}>
        <h2 id="cart-heading" tabIndex={-1}>
          {t.cart}
        </h2>
        {cart.length === 0 ? (
          <p class="cart__empty">{t.cartEmpty}</p>
        ) : (
          <>
            <CartLines cart={cart} items={items} cartQuote={cartQuote} onChange={onChange} onEdit={onEdit} />
            {cartQuote.failure && (
              <p class="field-error" role="alert">
                {cartQuote.failure(lang)}
              </p>
            )}
            {quote && (
              <dl class="totals" data-testid="cart-totals">
                <dt>{t.total}</dt>
                <dd class="money" data-testid="cart-total">
                  {formatEuro(quote.subtotal_cents, lang)}
                </dd>
                {quote.vat.map((v) => (
                  <dd key={v.rate_percent} class="totals__vat">
                    {t.vatLine(v.rate_percent, formatEuro(v.vat_cents, lang))}
                  </dd>
                ))}
              </dl>
            )}
            {!canOrder && <p class="banner banner--warn">{t.orderingOff}</p>}
            <button
              type="button"
              class="cart__checkout"
              disabled={!canOrder || !quote || cartQuote.problems.length > 0}
              onClick={onCheckout}
            >
              {t.toCheckout}
            </button>
          </>
        )}
      </aside>
      {cart.length > 0 && quote && !inView && (
        <a class="cartbar" href="#cart-heading" data-testid="cart-bar">
          {t.viewCart(count, formatEuro(quote.subtotal_cents, lang))}
        </a>
      )}
    </>
  );
}

/** The lines, each with its server price or the server's reason it cannot be ordered. */
export function CartLines({
  cart,
  items,
  cartQuote,
  onChange,
  onEdit,
}: {
  cart: CartLine[];
  items: MenuItem[];
  cartQuote: CartQuote;
  onChange: (cart: CartLine[]) => void;
  onEdit?: (line: CartLine) => void;
}) {
  const t = useText(orderText);
  const lang = useLang();
  return (
    <ul class="cartlines">
      {cart.map((line) => {
        const title = lineTitle(line, items, lang);
        const details = lineDetails(line, items, lang, t);
        const index = cartQuote.pricedKeys.indexOf(line.key);
        const priced = index >= 0 ? cartQuote.quote?.lines[index] : undefined;
        const problem = cartQuote.problems.find((p) => p.key === line.key);
        return (
          <li key={line.key} class={problem ? 'cartline cartline--bad' : 'cartline'} data-testid="cart-line">
            <div class="cartline__what">
              <span class="cartline__title">
                {line.quantity}× {title}
              </span>
              {details.length > 0 && <span class="cartline__details">{details.join(', ')}</span>}
              {problem && (
                <span class="cartline__problem" role="alert" data-testid="line-problem">
                  {problem.detail}
                </span>
              )}
            </div>
            <span class="money">{priced ? formatEuro(priced.total_cents, lang) : ''}</span>
            <div class="cartline__actions">
              <button
                type="button"
                class="secondary small"
                aria-label={`${t.less}: ${title}`}
                onClick={() => {
                  onChange(setQuantity(cart, line.key, line.quantity - 1));
                }}
              >
                −
              </button>
              <button
                type="button"
                class="secondary small"
                aria-label={`${t.more}: ${title}`}
                onClick={() => {
                  onChange(setQuantity(cart, line.key, line.quantity + 1));
                }}
              >
                +
              </button>
              {onEdit && !problem && (
                <button
                  type="button"
                  class="secondary small"
                  onClick={() => {
                    onEdit(line);
                  }}
                >
                  {t.edit}
                  <span class="visually-hidden">: {title}</span>
                </button>
              )}
              <button
                type="button"
                class="secondary small"
                aria-label={t.remove(title)}
                onClick={() => {
                  onChange(removeLine(cart, line.key));
                }}
              >
                <span aria-hidden="true">×</span>
              </button>
            </div>
          </li>
        );
      })}
    </ul>
  );
}
