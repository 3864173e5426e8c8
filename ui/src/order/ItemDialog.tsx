import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import { formatEuro } from '../i18n/format';
import { useLang, useText } from '../i18n/preact';
import { quoteLines, type Menu } from './api';
import { randomKey } from '../api/idempotency';
import { type CartLine } from './cart';
import type { Choosing } from './OrderApp';
import { orderText } from './text';

/**
 * Size, extras priced for that size, removals, half-and-half where the category allows it, a
 * note and the quantity. The price on the button is the server's quote of this very line.
 */
export function ItemDialog({
  choosing,
  menu,
  onClose,
  onSave,
}: {
  choosing: Choosing;
  menu: Menu;
  onClose: () => void;
  onSave: (line: CartLine) => void;
}) {
  const t = useText(orderText);
  const lang = useLang();
  const { item, line: editing } = choosing;
  const category = menu.categories.find((c) => c.id === item.category_id);
  const halves = category?.halves_allowed
    ? category.items.filter((i) => i.id !== item.id && !i.sold_out && i.sizes.length === item.sizes.length)
    : [];
  const [line, setLine] = useState<CartLine>(
    () =>
      editing ?? {
        key: randomKey(),
        item_id: item.id,
        size: item.sizes.length > 1 ? (item.sizes[Math.floor((item.sizes.length - 1) / 2)]?.code ?? null) : (item.sizes[0]?.code ?? null),
        extras: [],
        removed_ingredients: [],
        note: '',
        quantity: 1,
        second_half: null,
      },
  );
  const [price, setPrice] = useState<number | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const dialog = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    const d = dialog.current;
    if (d && !d.open) d.showModal();
  }, []);

  useEffect(() => {
    const abort = new AbortController();
    setPrice(null);
    const timer = setTimeout(() => {
      quoteLines([line], abort.signal).then(
        (q) => {
          setPrice(q.subtotal_cents);
          setProblem(null);
        },
        (error: unknown) => {
          if (abort.signal.aborted) return;
          setProblem(error instanceof ApiError ? (error.detail ?? error.title) : t.notReached);
        },
      );
    }, 120);
    return () => {
      clearTimeout(timer);
      abort.abort();
    };
  }, [line]);

  const sizeCode = line.size ?? item.sizes[0]?.code ?? '';
  const toggle = (list: number[], id: number, on: boolean) => (on ? [...list, id] : list.filter((x) => x !== id));
  const half = line.second_half;
  const halfItem = half ? menu.categories.flatMap((c) => c.items).find((i) => i.id === half.item_id) : undefined;
  const priceText = price === null ? t.pricing : formatEuro(price, lang);
  const titleId = `dialog-title-${item.id}`;

  return (
    <dialog
      ref={dialog}
      class="itemdialog"
      aria-labelledby={titleId}
      onClose={onClose}
      onCancel={onClose}
    >
      <form
        method="dialog"
        onSubmit={(e) => {
          e.preventDefault();
          if (price !== null) onSave(line);
        }}
      >
        <div class="itemdialog__head">
          <h2 id={titleId}>{item.names[lang]}</h2>
          <button type="button" class="secondary itemdialog__close" onClick={onClose}>
            <span aria-hidden="true">×</span>
            <span class="visually-hidden">{t.dialogClose}</span>
          </button>
        </div>
        {item.descriptions[lang] && <p class="itemdialog__desc">{item.descriptions[lang]}</p>}

        {item.sizes.length > 1 && (
          <fieldset class="choices">
            <legend>{t.size}</legend>
            {item.sizes.map((s) => (
              <label key={s.code} class="choice">
                <input
                  type="radio"
                  name="size"
                  value={s.code}
                  checked={sizeCode === s.code}
                  onChange={() => {
                    setLine({ ...line, size: s.code });
                  }}
                />
                <span class="choice__name">{s.names[lang]}</span>
                <span class="choice__price">{formatEuro(s.price_cents, lang)}</span>
              </label>
            ))}
          </fieldset>
        )}

        {halves.length > 0 && (
          <div class="field">
            <label for="half">{t.halfAndHalf}</label>
            <select
              id="half"
              value={half ? String(half.item_id) : ''}
              onChange={(e) => {
                const id = Number(e.currentTarget.value);
                setLine({
                  ...line,
                  second_half: e.currentTarget.value === '' ? null : { item_id: id, extras: [], removed_ingredients: [] },
                });
              }}
            >
              <option value="">{t.halfNone}</option>
              {halves.map((h) => (
                <option key={h.id} value={String(h.id)}>
                  ½ {item.names[lang]} / ½ {h.names[lang]}
                </option>
              ))}
            </select>
          </div>
        )}

        {item.extras.length > 0 && (
          <fieldset class="choices">
            <legend>{half ? `${t.extras} (½ ${item.names[lang]})` : t.extras}</legend>
            {item.extras.map((x) => (
              <label key={x.id} class="choice">
                <input
                  type="checkbox"
                  checked={line.extras.includes(x.id)}
                  onChange={(e) => {
                    setLine({ ...line, extras: toggle(line.extras, x.id, e.currentTarget.checked) });
                  }}
                />
                <span class="choice__name">{x.names[lang]}</span>
                <span class="choice__price">+ {formatEuro(x.prices[sizeCode] ?? 0, lang)}</span>
              </label>
            ))}
          </fieldset>
        )}

        {half && halfItem && halfItem.extras.length > 0 && (
          <fieldset class="choices">
            <legend>{`${t.extras} (½ ${halfItem.names[lang]})`}</legend>
            {halfItem.extras.map((x) => (
              <label key={x.id} class="choice">
                <input
                  type="checkbox"
                  checked={half.extras.includes(x.id)}
                  onChange={(e) => {
                    setLine({ ...line, second_half: { ...half, extras: toggle(half.extras, x.id, e.currentTarget.checked) } });
                  }}
                />
                <span class="choice__name">{x.names[lang]}</span>
                <span class="choice__price">+ {formatEuro(x.prices[sizeCode] ?? 0, lang)}</span>
              </label>
            ))}
          </fieldset>
        )}

        {item.ingredients.length > 0 && (
          <fieldset class="choices">
            <legend>{t.removals}</legend>
            {item.ingredients.map((i) => (
              <label key={i.id} class="choice">
                <input
                  type="checkbox"
                  checked={line.removed_ingredients.includes(i.id)}
                  onChange={(e) => {
                    setLine({
                      ...line,
                      removed_ingredients: toggle(line.removed_ingredients, i.id, e.currentTarget.checked),
                    });
                  }}
                />
                <span class="choice__name">{t.without(i.names[lang])}</span>
              </label>
            ))}
          </fieldset>
        )}

        <div class="field">
          <label for="line-note">{t.note}</label>
          <input
            id="line-note"
            type="text"
            maxLength={200}
            value={line.note}
            onInput={(e) => {
              setLine({ ...line, note: e.currentTarget.value });
            }}
          />
        </div>

        <div class="qty" role="group" aria-label={t.quantity}>
          <button
            type="button"
            class="secondary"
            aria-label={t.less}
            disabled={line.quantity <= 1}
            onClick={() => {
              setLine({ ...line, quantity: line.quantity - 1 });
            }}
          >
            −
          </button>
          <output aria-live="polite" data-testid="dialog-quantity">
            {line.quantity}
          </output>
          <button
            type="button"
            class="secondary"
            aria-label={t.more}
            disabled={line.quantity >= 99}
            onClick={() => {
              setLine({ ...line, quantity: line.quantity + 1 });
            }}
          >
            +
          </button>
        </div>

        {problem && (
          <p class="field-error" role="alert">
            {problem}
          </p>
        )}
        <button type="submit" class="itemdialog__save" disabled={price === null || problem !== null} data-testid="dialog-save">
          {editing ? t.saveLine(priceText) : t.addToCart(priceText)}
        </button>
      </form>
    </dialog>
  );
}
