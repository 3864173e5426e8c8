import type { TrackedOrder } from '../api/types';
import { formatEuro } from '../i18n/format';
import { useLang } from '../i18n/preact';
import { trackText } from './text';

/** The lines of the order and what it costs. */
export function OrderSummary({ order }: { order: TrackedOrder }) {
  const lang = useLang();
  const text = trackText[lang];
  return (
    <section class="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading">{text.yourOrder}</h2>
      <ul class="lines">
        {order.lines.map((line, index) => {
          const details = [
            ...line.extras.map((extra) => `+ ${extra}`),
            ...line.removed_ingredients.map((ingredient) => `− ${ingredient}`),
          ];
          return (
            <li key={index} class="line">
              <span class="line__what">
                {line.description}
                {details.length > 0 && <span class="line__details">{details.join(', ')}</span>}
              </span>
              <span class="money">{formatEuro(line.total_cents, lang)}</span>
            </li>
          );
        })}
        {order.delivery_fee_cents > 0 && (
          <li class="line">
            <span class="line__what">{text.deliveryFee}</span>
            <span class="money">{formatEuro(order.delivery_fee_cents, lang)}</span>
          </li>
        )}
      </ul>
      <p class="total">
        <span>{text.total}</span>
        <span class="money">{formatEuro(order.total_cents, lang)}</span>
      </p>
    </section>
  );
}
