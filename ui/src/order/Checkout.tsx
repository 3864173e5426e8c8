import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import { formatClock, formatDateTime, formatEuro, SHOP_TIME_ZONE } from '../i18n/format';
import { useLang, useText } from '../i18n/preact';
import type { LocalText } from '../i18n/messages';
import {
  checkPostcode,
  orderBody,
  placeOrder,
  quoteOrder,
  type CheckoutForm,
  type Menu,
  type MenuItem,
  type Placed,
  type PostcodeCheck,
  type Quote,
  type Shop,
} from './api';
import { randomKey } from '../api/idempotency';
import { lineIndexOf, loadStored, saveStored, type CartLine } from './cart';
import { formField, type FieldName } from './fields';
import { CartLines } from './CartPanel';
import type { CartQuote, LineProblem } from './quotes';
import { orderText } from './text';

const CUSTOMER_KEY = 'forno.customer.v1';

function initialForm(shop: Shop): CheckoutForm {
  const blank: CheckoutForm = {
    fulfilment: shop.fulfilment.pickup ? 'pickup' : 'delivery',
    street: '',
    house_number: '',
    postcode: '',
    city: '',
    time: '',
    name: '',
    phone: '',
    email: '',
    note: '',
  };
  try {
    const stored = JSON.parse(loadStored(CUSTOMER_KEY) ?? '{}') as Partial<Record<keyof CheckoutForm, unknown>>;
    for (const key of ['street', 'house_number', 'postcode', 'city', 'name', 'phone', 'email'] as const) {
      const value = stored[key];
      if (typeof value === 'string') blank[key] = value;
    }
  } catch {
    // Nothing remembered.
  }
  return blank;
}

/** A drink or dessert category, by its name in either language. */
const SUGGESTED_CATEGORY = /drank|drink|dessert|toetje/i;

export function Checkout({
  shop,
  menu,
  cart,
  cartQuote,
  version,
  onBack,
  onAdd,
  onChange,
  onPlaced,
  onShopChanged,
}: {
  shop: Shop;
  menu: Menu;
  cart: CartLine[];
  cartQuote: CartQuote;
  version: number;
  onBack: () => void;
  onAdd: (line: CartLine) => void;
  onChange: (cart: CartLine[]) => void;
  onPlaced: (placed: Placed) => void;
  onShopChanged: () => void;
}) {
  const t = useText(orderText);
  const lang = useLang();
  const items = menu.categories.flatMap((c) => c.items);
  const [form, setForm] = useState<CheckoutForm>(() => initialForm(shop));
  const [errors, setErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [lineProblems, setLineProblems] = useState<LineProblem[]>([]);
  const [general, setGeneral] = useState<LocalText | null>(null);
  const [sending, setSending] = useState(false);
  const [quote, setQuote] = useState<Quote | null>(null);
  const [zone, setZone] = useState<PostcodeCheck | { invalid: string } | null>(null);
  const attempt = useRef<{ key: string; body: string } | null>(null);

  const delivery = form.fulfilment === 'delivery';
  const slots = delivery ? shop.slots.delivery : shop.slots.pickup;
  const asapOk = shop.open_now;
  const canOrder = !shop.paused && (asapOk || slots.length > 0);
  const set = (patch: Partial<CheckoutForm>) => {
    setForm((f) => ({ ...f, ...patch }));
  };

  // Closed now but open later: offer the slots (pre-order) and start at the first.
  useEffect(() => {
    if (!asapOk && form.time === '' && slots[0]) set({ time: slots[0] });
    if (form.time !== '' && !slots.includes(form.time)) set({ time: asapOk ? '' : (slots[0] ?? '') });
  }, [asapOk, slots.join(','), form.time]);

  // The postcode, checked against the zones as it is typed.
  useEffect(() => {
    const compact = form.postcode.replace(/\s/g, '');
    if (!delivery || compact.length < 6) {
      setZone(null);
      return;
    }
    const abort = new AbortController();
    const timer = setTimeout(() => {
      checkPostcode(form.postcode, abort.signal).then(setZone, (error: unknown) => {
        if (!abort.signal.aborted && error instanceof ApiError) setZone({ invalid: error.detail ?? error.title });
      });
    }, 200);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [form.postcode, delivery]);

  // The totals with the delivery fee, from the server's quote of this checkout.
  const addressKey = `${form.fulfilment}|${form.street}|${form.house_number}|${form.postcode}|${form.city}|${form.time}`;
  useEffect(() => {
    if (cart.length === 0) return;
    const abort = new AbortController();
    const timer = setTimeout(() => {
      quoteOrder(cart, form, abort.signal).then(
        (q) => {
          setQuote(q);
          setErrors((e) => ({ ...e, summary: undefined, time: undefined }));
        },
        (error: unknown) => {
          if (abort.signal.aborted || !(error instanceof ApiError)) return;
          setQuote(null);
          const field = formField(error.field);
          // Below the minimum or a closed hour is worth saying at once; a half-typed address is not.
          if (field === 'summary' || field === 'time') setErrors((e) => ({ ...e, [field]: error.detail ?? error.title }));
        },
      );
    }, 250);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [cart, addressKey, version]);

  const suggestion = suggest(menu, cart);

  const submit = async (event: Event) => {
    event.preventDefault();
    if (sending || !canOrder) return;
    const body = JSON.stringify(orderBody(cart, form, true));
    // One key per attempt: a double tap or a retry of the same order sends the same key.
    if (attempt.current?.body !== body) attempt.current = { key: randomKey(), body };
    setSending(true);
    setErrors({});
    setLineProblems([]);
    setGeneral(null);
    saveStored(
      CUSTOMER_KEY,
      JSON.stringify({
        name: form.name,
        phone: form.phone,
        email: form.email,
        street: form.street,
        house_number: form.house_number,
        postcode: form.postcode,
        city: form.city,
      }),
    );
    try {
      const placed = await placeOrder(cart, form, attempt.current.key);
      onPlaced(placed);
    } catch (error) {
      setSending(false);
      if (!(error instanceof ApiError)) {
        setGeneral(() => (l: 'nl' | 'en') => orderText[l].notReached);
        return;
      }
      const detail = error.detail ?? error.title;
      const index = lineIndexOf(error.field);
      const line = index === null ? undefined : cart[index];
      const field = formField(error.field);
      if (line) setLineProblems([{ key: line.key, detail }]);
      else if (field) setErrors({ [field]: detail });
      else setGeneral(() => () => detail);
      if (error.status === 409 || line) onShopChanged();
      if (!line && !field) return;
      setGeneral(() => (l: 'nl' | 'en') => orderText[l].fixFirst);
    }
  };

  const shownQuote: CartQuote = {
    ...cartQuote,
    problems: [...cartQuote.problems, ...lineProblems.filter((p) => !cartQuote.problems.some((q) => q.key === p.key))],
  };
  const subtotal = quote?.subtotal_cents ?? cartQuote.quote?.subtotal_cents ?? null;
  const total = quote?.total_cents ?? subtotal;
  const vat = quote?.vat ?? cartQuote.quote?.vat ?? [];

  return (
    <main class="checkout">
      <button type="button" class="secondary checkout__back" onClick={onBack}>
        ← {t.backToMenu}
      </button>
      <h2 class="checkout__title">{t.checkout}</h2>
      {shop.paused && (
        <p class="banner banner--bad" role="alert" data-testid="checkout-paused">
          {t.paused}
        </p>
      )}
      {!shop.paused && !asapOk && (
        <p class="banner banner--warn">{slots.length > 0 ? t.preOrder : t.closedNoSlots}</p>
      )}
      <form
        class="checkout__form"
        onSubmit={(e) => {
          void submit(e);
        }}
        noValidate
      >
        <section class="checkout__summary" aria-labelledby="summary-heading">
          <h3 id="summary-heading">{t.cart}</h3>
          <CartLines cart={cart} items={items} cartQuote={shownQuote} onChange={onChange} />
          <dl class="totals" data-testid="checkout-totals">
            {quote && quote.delivery_fee_cents > 0 && (
              <>
                <dt>{t.subtotal}</dt>
                <dd class="money">{formatEuro(quote.subtotal_cents, lang)}</dd>
                <dt>{t.deliveryFee}</dt>
                <dd class="money">{formatEuro(quote.delivery_fee_cents, lang)}</dd>
              </>
            )}
            <dt>{t.total}</dt>
            <dd class="money" data-testid="checkout-total">
              {total === null ? '' : formatEuro(total, lang)}
            </dd>
            {vat.map((v) => (
              <dd key={v.rate_percent} class="totals__vat">
                {t.vatLine(v.rate_percent, formatEuro(v.vat_cents, lang))}
              </dd>
            ))}
          </dl>
          <FieldError id="summary" text={errors.summary} />
        </section>

        {suggestion && (
          <section class="suggest" aria-labelledby="suggest-heading">
            <h3 id="suggest-heading">{t.suggestTitle}</h3>
            <button
              type="button"
              class="secondary"
              data-testid="suggestion"
              onClick={() => {
                onAdd({
                  key: randomKey(),
                  item_id: suggestion.id,
                  size: suggestion.sizes[0]?.code ?? null,
                  extras: [],
                  removed_ingredients: [],
                  note: '',
                  quantity: 1,
                  second_half: null,
                });
              }}
            >
              {t.suggestAdd(suggestion.names[lang], formatEuro(suggestion.sizes[0]?.price_cents ?? 0, lang))}
            </button>
          </section>
        )}

        <fieldset class="checkout__group">
          <legend>{t.howTitle}</legend>
          <div class="segmented">
            {shop.fulfilment.pickup && (
              <label class="choice">
                <input type="radio" name="how" checked={!delivery} onChange={() => { set({ fulfilment: 'pickup' }); }} />
                <span class="choice__name">{t.pickup}</span>
              </label>
            )}
            {shop.fulfilment.delivery && (
              <label class="choice">
                <input type="radio" name="how" checked={delivery} onChange={() => { set({ fulfilment: 'delivery' }); }} />
                <span class="choice__name">{t.delivery}</span>
              </label>
            )}
          </div>
          <FieldError id="how" text={errors.how} />
          {delivery && (
            <div class="address">
              <Input id="street" label={t.street} value={form.street} error={errors.street} autocomplete="address-line1" onValue={(v) => { set({ street: v }); }} />
              <Input id="house_number" label={t.houseNumber} value={form.house_number} error={errors.house_number} onValue={(v) => { set({ house_number: v }); }} />
              <Input
                id="postcode"
                label={t.postcode}
                value={form.postcode}
                error={errors.postcode}
                autocomplete="postal-code"
                onValue={(v) => { set({ postcode: v }); }}
                hint={<ZoneHint zone={zone} />}
              />
              <Input id="city" label={t.city} value={form.city} error={errors.city} autocomplete="address-level2" onValue={(v) => { set({ city: v }); }} />
            </div>
          )}
        </fieldset>

        <fieldset class="checkout__group">
          <legend>{t.whenTitle}</legend>
          <div class="field">
            <label for="time">{t.slot}</label>
            <select
              id="time"
              value={form.time}
              aria-invalid={errors.time ? true : undefined}
              aria-describedby={errors.time ? 'time-error' : undefined}
              onChange={(e) => { set({ time: e.currentTarget.value }); }}
            >
              {asapOk && <option value="">{t.asap}</option>}
              {slots.map((s) => (
                <option key={s} value={s}>
                  {sameShopDay(s, new Date()) ? formatClock(s, lang) : formatDateTime(s, lang)}
                </option>
              ))}
            </select>
            <FieldError id="time" text={errors.time} />
          </div>
        </fieldset>

        <fieldset class="checkout__group">
          <legend>{t.youTitle}</legend>
          <Input id="name" label={t.name} value={form.name} error={errors.name} autocomplete="name" onValue={(v) => { set({ name: v }); }} />
          <Input id="phone" label={t.phone} type="tel" value={form.phone} error={errors.phone} autocomplete="tel" onValue={(v) => { set({ phone: v }); }} />
          <Input id="email" label={t.email} type="email" value={form.email} error={errors.email} autocomplete="email" onValue={(v) => { set({ email: v }); }} />
          <Input id="note" label={t.orderNote} value={form.note} error={errors.note} onValue={(v) => { set({ note: v }); }} />
        </fieldset>

        <section class="checkout__group" aria-labelledby="pay-heading">
          <h3 id="pay-heading">{t.payTitle}</h3>
          <p>{t.payAtDoor(delivery)}</p>
        </section>

        {general && (
          <p class="banner banner--bad" role="alert" data-testid="checkout-problem">
            {general(lang)}
          </p>
        )}
        <button type="submit" class="checkout__place" disabled={sending || !canOrder || cart.length === 0} data-testid="place-order">
          {sending ? t.placing : t.placeOrder(total === null ? '' : formatEuro(total, lang))}
        </button>
      </form>
    </main>
  );
}

const shopDay = new Intl.DateTimeFormat('en-CA', { timeZone: SHOP_TIME_ZONE });

/** Today in the shop: a slot today reads as a time, a later one with its date. */
function sameShopDay(moment: string, now: Date): boolean {
  return shopDay.format(new Date(moment)) === shopDay.format(now);
}

function suggest(menu: Menu, cart: readonly CartLine[]): MenuItem | null {
  const categories = menu.categories.filter((c) => SUGGESTED_CATEGORY.test(`${c.names.nl} ${c.names.en}`));
  const ids = new Set(categories.flatMap((c) => c.items.map((i) => i.id)));
  if (categories.length === 0 || cart.some((l) => ids.has(l.item_id))) return null;
  return categories.flatMap((c) => c.items).find((i) => !i.sold_out && i.sizes.length === 1) ?? null;
}

function ZoneHint({ zone }: { zone: PostcodeCheck | { invalid: string } | null }) {
  const t = useText(orderText);
  const lang = useLang();
  if (!zone) return null;
  if ('invalid' in zone) return <span class="hint hint--bad">{zone.invalid}</span>;
  if (!zone.zone) return <span class="hint hint--bad" data-testid="zone-hint">{t.zoneNo(zone.postcode)}</span>;
  const z = zone.zone;
  return (
    <span class="hint hint--ok" data-testid="zone-hint">
      {t.zoneOk(z.name, formatEuro(z.fee_cents, lang), formatEuro(z.minimum_order_cents, lang), z.extra_minutes)}
    </span>
  );
}

function FieldError({ id, text }: { id: string; text: string | undefined }) {
  if (!text) return null;
  return (
    <p class="field-error" id={`${id}-error`} role="alert" data-testid={`error-${id}`}>
      {text}
    </p>
  );
}

function Input({
  id,
  label,
  value,
  error,
  type = 'text',
  autocomplete,
  hint,
  onValue,
}: {
  id: FieldName;
  label: string;
  value: string;
  error: string | undefined;
  type?: 'text' | 'tel' | 'email';
  autocomplete?: string;
  hint?: JSX.Element;
  onValue: (value: string) => void;
}) {
  const described = [error ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        name={id}
        type={type}
        list={undefined}
        value={value}
        autoComplete={autocomplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={described || undefined}
        onInput={(e) => {
          onValue(e.currentTarget.value);
        }}
      />
      {hint && (
        <p id={`${id}-hint`} aria-live="polite" class="field-hint">
          {hint}
        </p>
      )}
      <FieldError id={id} text={error} />
    </div>
  );
}
