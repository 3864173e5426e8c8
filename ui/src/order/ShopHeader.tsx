import type { ComponentChildren } from 'preact';
import { formatClock, formatDateTime } from '../i18n/format';
import { useLang, useText } from '../i18n/preact';
import type { Shop } from './api';
import { orderText } from './text';

/** The shop as a customer wants to know it: who, where, open or when, how, how long. */
export function ShopHeader({ shop, switcher }: { shop: Shop; switcher: ComponentChildren }) {
  const t = useText(orderText);
  const lang = useLang();
  const open = shop.open_now && !shop.paused;
  // The demo shop of `make run` takes orders around the clock; a shop that does says so.
  const days = new Set(shop.hours.filter((p) => p.open === '00:00' && p.close === '24:00').map((p) => p.weekday));
  let hours: string;
  if (days.size === 7 && shop.exceptions.length === 0) hours = t.aroundTheClock;
  else if (shop.open_now && shop.closes_at) hours = t.openNow(formatClock(shop.closes_at, lang));
  else if (shop.next_opening) hours = `${t.closedNow} · ${t.opensAt(formatDateTime(shop.next_opening, lang))}`;
  else hours = t.closedNow;
  const ways = [shop.fulfilment.pickup ? t.pickup : null, shop.fulfilment.delivery ? t.delivery : null].filter(
    (w): w is string => w !== null,
  );
  return (
    <header class="shop">
      <div class="shop__top">
        <p class="shop__kicker">{t.kicker}</p>
        {switcher}
      </div>
      <h1 class="shop__name">{shop.name}</h1>
      <p class="shop__where">
        {shop.address} ·{' '}
        <a href={`tel:${shop.phone.replace(/[^\d+]/g, '')}`} data-testid="shop-phone">
          {shop.phone}
        </a>
      </p>
      <ul class="shop__facts" aria-label={shop.name}>
        <li class={open ? 'fact fact--ok' : 'fact fact--warn'} data-testid="shop-hours">
          {hours}
        </li>
        {ways.map((w) => (
          <li key={w} class="fact">
            {w}
          </li>
        ))}
        <li class="fact">{t.prepTime(shop.prep_time_minutes)}</li>
      </ul>
      {shop.paused && (
        <p class="banner banner--bad" role="alert" data-testid="paused">
          {t.paused}
        </p>
      )}
    </header>
  );
}
