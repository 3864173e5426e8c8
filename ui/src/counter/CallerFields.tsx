// Phone orders at the counter: the caller's number finds them (`GET /customers`), their name and
// last delivery address fill in; a new caller is typed and saved with the order.

import { useState } from 'preact/hooks';
import { findCustomers } from '../api/counter';
import { ApiError } from '../api/http';
import { formatEuro } from '../i18n/format';
import { useLang } from '../i18n/preact';
import type { Customer, CustomerFields, OrderType } from './cart';
import { counterText } from './text';

/** Phone orders: the caller's number finds them; their name and last address fill in. */
export function CallerFields({
  type,
  customer,
  onChange,
}: {
  type: OrderType;
  customer: CustomerFields;
  onChange: (c: CustomerFields) => void;
}) {
  const lang = useLang();
  const t = counterText[lang].customer;
  const [found, setFound] = useState<Customer[] | null>(null);
  const [searchProblem, setSearchProblem] = useState<string | null>(null);

  const use = (c: Customer) => {
    onChange({
      phone: c.phone ?? customer.phone,
      name: c.name,
      address: c.address ?? customer.address,
    });
  };

  const search = async () => {
    setSearchProblem(null);
    try {
      const answer = await findCustomers(customer.phone);
      setFound(answer.customers);
      const first = answer.customers[0];
      if (first) use(first);
    } catch (error) {
      setFound(null);
      setSearchProblem(error instanceof ApiError ? error.message : counterText[lang].cart.unreachable);
    }
  };

  const field = (key: keyof CustomerFields['address'], label: string, size = 'wide') => (
    <label class={`caller__field caller__field--${size}`}>
      {label}
      <input
        value={customer.address[key]}
        data-testid={`address-${key}`}
        onInput={(event) => {
          onChange({ ...customer, address: { ...customer.address, [key]: event.currentTarget.value } });
        }}
      />
    </label>
  );

  return (
    <div class="caller">
      <form
        class="caller__search"
        onSubmit={(event) => {
          event.preventDefault();
          void search();
        }}
      >
        <label class="caller__field">
          {t.phone}
          <input
            type="tel"
            inputMode="tel"
            value={customer.phone}
            data-testid="caller-phone"
            onInput={(event) => {
              onChange({ ...customer, phone: event.currentTarget.value });
            }}
          />
        </label>
        <button type="submit" class="secondary">
          {t.search}
        </button>
        <label class="caller__field">
          {t.name}
          <input
            value={customer.name}
            data-testid="caller-name"
            onInput={(event) => {
              onChange({ ...customer, name: event.currentTarget.value });
            }}
          />
        </label>
      </form>
      {searchProblem && (
        <p class="alert" role="alert">
          {searchProblem}
        </p>
      )}
      {found && found.length === 0 && <p class="notice">{t.notFound}</p>}
      {found && found.length > 0 && (
        <ul class="caller__found" data-testid="caller-found">
          {found.map((c) => (
            <li key={c.id}>
              <span>{t.found(c.name, c.order_count)}</span>
              {c.last_orders[0] && (
                <span class="caller__last">
                  {t.lastOrder(
                    c.last_orders[0].number,
                    c.last_orders[0].business_date,
                    formatEuro(c.last_orders[0].total_cents, lang),
                  )}
                </span>
              )}
              {found.length > 1 && (
                <button
                  type="button"
                  class="secondary"
                  onClick={() => {
                    use(c);
                  }}
                >
                  {t.use}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {type === 'phone_delivery' && (
        <div class="caller__address">
          {field('street', t.street)}
          {field('house_number', t.houseNumber, 'narrow')}
          {field('postcode', t.postcode, 'narrow')}
          {field('city', t.city)}
        </div>
      )}
    </div>
  );
}
