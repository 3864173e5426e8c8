// Editing one cart line: size, extras and removed ingredients one tap each, half-and-half,
// quantity and a note. Prices stay the server's: the cart re-quotes after every change.

import { useEffect, useRef } from 'preact/hooks';
import { useLang } from '../i18n/preact';
import { bump, findItem, toggle, type CartLine, type MenuDto } from './cart';
import { counterText } from './text';

export function LineEditor({
  line,
  menu,
  onChange,
  onClose,
}: {
  line: CartLine;
  menu: MenuDto;
  onChange: (line: CartLine) => void;
  onClose: () => void;
}) {
  const lang = useLang();
  const t = counterText[lang];
  const item = findItem(menu, line.itemId);
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    first.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') onClose();
    };
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
    };
  }, []);
  if (!item) return null;
  const category = menu.categories.find((c) => c.id === item.category_id);
  const halves = category?.halves_allowed
    ? category.items.filter((i) => i.id !== item.id && !i.sold_out)
    : [];
  const name = item.names[lang];

  return (
    <div class="overlay">
      <div class="dialog" role="dialog" aria-modal="true" aria-labelledby="line-heading">
        <h2 id="line-heading">{t.line.heading(name)}</h2>
        <div class="qty-row">
          <button
            type="button"
            class="secondary"
            aria-label={t.cart.less(name)}
            disabled={line.quantity <= 1}
            onClick={() => {
              const next = bump([line], line.key, -1)[0];
              if (next) onChange(next);
            }}
          >
            −
          </button>
          <span class="qty-row__n" aria-live="polite">
            {t.cart.quantity(line.quantity)}
          </span>
          <button
            type="button"
            class="secondary"
            aria-label={t.cart.more(name)}
            onClick={() => {
              const next = bump([line], line.key, 1)[0];
              if (next) onChange(next);
            }}
          >
            +
          </button>
        </div>
        {item.sizes.length > 1 && (
          <fieldset>
            <legend>{t.line.size}</legend>
            <div class="chips">
              {item.sizes.map((s) => (
                <button
                  key={s.code}
                  type="button"
                  class="toggle"
                  aria-pressed={line.size === s.code}
                  onClick={() => {
                    onChange({ ...line, size: s.code });
                  }}
                >
                  {s.names[lang]}
                </button>
              ))}
            </div>
          </fieldset>
        )}
        {item.extras.length > 0 && (
          <fieldset>
            <legend>{t.line.extras}</legend>
            <div class="chips">
              {item.extras.map((e) => (
                <button
                  key={e.id}
                  type="button"
                  class="toggle"
                  aria-pressed={line.extras.includes(e.id)}
                  onClick={() => {
                    onChange({ ...line, extras: toggle(line.extras, e.id) });
                  }}
                >
                  + {e.names[lang]}
                </button>
              ))}
            </div>
          </fieldset>
        )}
        {item.ingredients.length > 0 && (
          <fieldset>
            <legend>{t.line.without}</legend>
            <div class="chips">
              {item.ingredients.map((ing) => (
                <button
                  key={ing.id}
                  type="button"
                  class="toggle"
                  aria-pressed={line.removed.includes(ing.id)}
                  onClick={() => {
                    onChange({ ...line, removed: toggle(line.removed, ing.id) });
                  }}
                >
                  − {ing.names[lang]}
                </button>
              ))}
            </div>
          </fieldset>
        )}
        {halves.length > 0 && (
          <fieldset>
            <legend>{t.line.half}</legend>
            <div class="chips">
              <button
                type="button"
                class="toggle"
                aria-pressed={line.secondHalf === null}
                onClick={() => {
                  onChange({ ...line, secondHalf: null });
                }}
              >
                {t.line.noHalf}
              </button>
              {halves.map((h) => (
                <button
                  key={h.id}
                  type="button"
                  class="toggle"
                  aria-pressed={line.secondHalf?.itemId === h.id}
                  onClick={() => {
                    onChange({ ...line, secondHalf: { itemId: h.id, extras: [], removed: [] } });
                  }}
                >
                  ½ {h.names[lang]}
                </button>
              ))}
            </div>
          </fieldset>
        )}
        <label class="line-note">
          {t.line.note}
          <input
            value={line.note}
            maxLength={500}
            onInput={(event) => {
              onChange({ ...line, note: event.currentTarget.value });
            }}
          />
        </label>
        <div class="dialog__actions">
          <button type="button" ref={first} onClick={onClose}>
            {t.line.done}
          </button>
        </div>
      </div>
    </div>
  );
}
