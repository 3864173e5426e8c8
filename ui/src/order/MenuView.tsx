import { useMemo, useState } from 'preact/hooks';
import { formatEuro, formatDateTime } from '../i18n/format';
import { useLang, useText } from '../i18n/preact';
import type { Menu, MenuItem, Shop } from './api';
import type { PastOrder } from './cart';
import { orderText, type OrderText } from './text';

type Allergen = keyof OrderText['allergens'];

function allergenName(t: OrderText, code: string): string {
  return code in t.allergens ? t.allergens[code as Allergen] : code;
}

/** The menu by category: a sticky category bar, a search box and an allergen filter. */
export function MenuView({
  shop,
  menu,
  past,
  onChoose,
  onOrderAgain,
}: {
  shop: Shop;
  menu: Menu;
  past: PastOrder | null;
  onChoose: (item: MenuItem) => void;
  onOrderAgain: (order: PastOrder) => void;
}) {
  const t = useText(orderText);
  const lang = useLang();
  const [query, setQuery] = useState('');
  const [without, setWithout] = useState<string[]>([]);
  const present = useMemo(() => {
    const all = new Set(menu.categories.flatMap((c) => c.items.flatMap((i) => i.allergens)));
    return Object.keys(t.allergens).filter((a) => all.has(a));
  }, [menu, t]);
  const needle = query.trim().toLowerCase();
  const shown = menu.categories
    .map((category) => ({
      category,
      items: category.items.filter((item) => {
        if (without.some((a) => item.allergens.includes(a))) return false;
        if (!needle) return true;
        const text = `${item.names[lang]} ${item.descriptions[lang]} ${item.ingredients.map((i) => i.names[lang]).join(' ')}`;
        return text.toLowerCase().includes(needle);
      }),
    }))
    .filter((c) => c.items.length > 0);

  return (
    <main class="menu" id="menu">
      {past && (
        <section class="again" aria-labelledby="again-heading">
          <h2 id="again-heading">{t.orderAgain}</h2>
          <p class="again__when">{formatDateTime(past.placed_at, lang)}</p>
          <button
            type="button"
            class="secondary"
            onClick={() => {
              onOrderAgain(past);
            }}
          >
            {t.orderAgainButton(past.number)}
          </button>
        </section>
      )}
      <nav class="catbar" aria-label={t.categories}>
        <ul>
          {menu.categories.map((c) => (
            <li key={c.id}>
              <a href={`#cat-${c.id}`}>{c.names[lang]}</a>
            </li>
          ))}
        </ul>
      </nav>
      <div class="finder">
        <label class="finder__search">
          <span>{t.search}</span>
          <input
            type="search"
            value={query}
            placeholder={t.searchPlaceholder}
            onInput={(e) => {
              setQuery(e.currentTarget.value);
            }}
          />
        </label>
        {present.length > 0 && (
          <details class="finder__more" open={without.length > 0}>
            <summary>
              {t.filterOpen}
              {without.length > 0 && ` (${String(without.length)})`}
            </summary>
            <fieldset class="finder__filter">
              <legend class="visually-hidden">{t.filterTitle}</legend>
              {present.map((a) => (
                <label key={a} class="chip">
                  <input
                    type="checkbox"
                    checked={without.includes(a)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setWithout((w) => (on ? [...w, a] : w.filter((x) => x !== a)));
                    }}
                  />
                  <span>
                    {t.withoutLabel} {allergenName(t, a)}
                  </span>
                </label>
              ))}
            </fieldset>
          </details>
        )}
      </div>
      {shown.length === 0 && <p class="menu__none">{t.noResults}</p>}
      {shown.map(({ category, items }) => (
        <section key={category.id} class="category" id={`cat-${category.id}`} aria-labelledby={`cat-h-${category.id}`}>
          <h2 id={`cat-h-${category.id}`}>{category.names[lang]}</h2>
          <ul class="items">
            {items.map((item) => (
              <ItemCard key={item.id} item={item} t={t} orderingOff={shop.paused} onChoose={onChoose} />
            ))}
          </ul>
        </section>
      ))}
    </main>
  );
}

function ItemCard({
  item,
  t,
  orderingOff,
  onChoose,
}: {
  item: MenuItem;
  t: OrderText;
  orderingOff: boolean;
  onChoose: (item: MenuItem) => void;
}) {
  const lang = useLang();
  const name = item.names[lang];
  const prices = item.sizes.map((s) => s.price_cents);
  const cheapest = Math.min(...prices);
  const priceText =
    item.sizes.length > 1
      ? item.sizes.map((s) => `${s.names[lang]} ${formatEuro(s.price_cents, lang)}`).join(' · ')
      : formatEuro(cheapest, lang);
  return (
    <li class={item.sold_out ? 'item item--soldout' : 'item'} data-testid={`item-${item.id}`}>
      {item.photo && (
        // Decorative: the name is next to it. Lazy, so photos never hold up the menu.
        <img
          class="item__photo"
          src={item.photo.small}
          srcset={`${item.photo.small} 160w, ${item.photo.medium} 480w`}
          sizes="80px"
          alt=""
          width={80}
          height={80}
          loading="lazy"
          decoding="async"
        />
      )}
      <div class="item__text">
        <h3 class="item__name">{name}</h3>
        {item.descriptions[lang] && <p class="item__desc">{item.descriptions[lang]}</p>}
        <p class="item__price">{priceText}</p>
        {item.allergens.length > 0 && (
          <p class="item__allergens">
            {t.contains}: {item.allergens.map((a) => allergenName(t, a)).join(', ')}
          </p>
        )}
      </div>
      {item.sold_out ? (
        <p class="item__soldout">{t.soldOut}</p>
      ) : (
        <button
          type="button"
          class="item__add"
          disabled={orderingOff}
          aria-label={t.add(name)}
          onClick={() => {
            onChoose(item);
          }}
        >
          +
        </button>
      )}
    </li>
  );
}
