import { useEffect, useRef } from 'preact/hooks';
import { formatClock, formatEuro } from '../i18n/format';
import { useLang, useText } from '../i18n/preact';
import type { Placed, Shop } from './api';
import { orderText } from './text';

/** The order number, what was ordered, when to expect it, and the way to follow it live. */
export function Confirmation({ placed, shop, onNew }: { placed: Placed; shop: Shop; onNew: () => void }) {
  const t = useText(orderText);
  const lang = useLang();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, []);
  const order = placed.order;
  const delivery = order.fulfilment === 'delivery';
  return (
    <main class="done">
      <h2 ref={heading} tabIndex={-1} class="done__title">
        {t.thanks}
      </h2>
      <p class="done__number" data-testid="order-number">
        {t.orderNumber(placed.number)}
      </p>
      <p class="done__eta">{t.expected(delivery, formatClock(placed.estimated_ready_at, lang))}</p>
      <p>
        <a class="button" href={placed.tracking_url} data-testid="tracking-link">
          {t.follow}
        </a>
      </p>
      <section aria-labelledby="done-summary">
        <h3 id="done-summary">{t.cart}</h3>
        <ul class="cartlines">
          {order.lines.map((line, i) => (
            <li key={i} class="cartline">
              <div class="cartline__what">
                <span class="cartline__title">{line.description}</span>
                {line.extras.length + line.removed_ingredients.length > 0 && (
                  <span class="cartline__details">
                    {[...line.extras.map((x) => `+ ${x}`), ...line.removed_ingredients.map((x) => `− ${x}`)].join(', ')}
                  </span>
                )}
              </div>
              <span class="money">{formatEuro(line.total_cents, lang)}</span>
            </li>
          ))}
        </ul>
        <dl class="totals">
          {order.delivery_fee_cents > 0 && (
            <>
              <dt>{t.deliveryFee}</dt>
              <dd class="money">{formatEuro(order.delivery_fee_cents, lang)}</dd>
            </>
          )}
          <dt>{t.total}</dt>
          <dd class="money">{formatEuro(order.total_cents, lang)}</dd>
        </dl>
        <p>{t.payAtDoor(delivery)}</p>
      </section>
      <p class="done__tip">{t.install}</p>
      <p>
        {t.call(shop.phone)}:{' '}
        <a href={`tel:${shop.phone.replace(/[^\d+]/g, '')}`}>{shop.phone}</a>
      </p>
      <button type="button" class="secondary" onClick={onNew}>
        {t.newOrder}
      </button>
    </main>
  );
}
