// One item as the owner creates or edits it: names, sizes with prices, extras with a price per
// size, removable ingredients, allergens, VAT, the hours it is sold, sold-out and its photo.
// The server checks it all; its answer is shown at the input it names.

import { useState } from 'preact/hooks';
import { ApiError } from '../api/http';
import { createExtra, removePhoto, uploadPhoto } from '../api/menu-editor';
import { centsFromEuroText, euroText } from '../settings-form/amounts';
import { useLang, useText } from '../i18n/preact';
import {
  inputFor,
  isUnreadable,
  itemBody,
  type EditorCategory,
  type EditorItem,
  type EditorMenu,
  type ItemBody,
  type ItemForm as Form,
} from './form';
import { menuEditorText } from './text';

interface Problem {
  field: string | null;
  text: string;
}

export function ItemForm({
  editor,
  category,
  item,
  form: initial,
  onSave,
  onChanged,
  onClose,
}: {
  editor: EditorMenu;
  category: EditorCategory;
  item: EditorItem | null;
  form: Form;
  /** Resolves to null when saved, or the server's problem. */
  onSave: (body: ItemBody) => Promise<ApiError | null>;
  /** Something the form saved on its own (a new extra, a photo): reload the editor. */
  onChanged: (note: string) => void;
  onClose: () => void;
}) {
  const t = useText(menuEditorText);
  const lang = useLang();
  const [form, setForm] = useState<Form>(initial);
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const [newIngredient, setNewIngredient] = useState('');
  const [newExtra, setNewExtra] = useState({ name: '', price: '' });
  const set = (change: Partial<Form>) => {
    setForm({ ...form, ...change });
  };
  const name = item?.name ?? form.nl;
  const chosenExtras = Object.keys(form.extras)
    .map(Number)
    .sort((a, b) => a - b);

  /** The props of an input the server's problem may point at. */
  const at = (field: string) => {
    const id = inputFor(field);
    const wrong = problem?.field === field;
    return {
      id,
      ...(wrong ? { 'aria-invalid': true, 'aria-describedby': `${id}-error` } : {}),
    };
  };
  // The fields whose problem is shown at an input; any other problem is shown at the bottom.
  const shown = new Set<string>();
  const error = (field: string) => {
    if (problem?.field !== field) return null;
    shown.add(field);
    return (
      <span class="field-error" id={`${inputFor(field)}-error`} role="alert">
        {problem.text}
      </span>
    );
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const body = itemBody(form, item?.position ?? 0);
    if (isUnreadable(body)) {
      setProblem({ field: body.field, text: t.form.unreadable });
      document.getElementById(inputFor(body.field))?.focus();
      return;
    }
    setBusy(true);
    const failure = await onSave(body);
    setBusy(false);
    if (failure) {
      setProblem({ field: failure.field, text: failure.message });
      if (failure.field) document.getElementById(inputFor(failure.field))?.focus();
    } else {
      setProblem(null);
    }
  };

  const addExtra = async () => {
    const cents = centsFromEuroText(newExtra.price);
    try {
      const created = await createExtra({
        names: { nl: newExtra.name, en: '' },
        price_cents: cents ?? -1,
      });
      setForm({ ...form, extras: { ...form.extras, [created.id]: {} } });
      setNewExtra({ name: '', price: '' });
      setProblem(null);
      onChanged(t.saved(newExtra.name));
    } catch (failure) {
      setProblem({
        field: failure instanceof ApiError && failure.field ? `new-extra-${failure.field}` : null,
        text: failure instanceof Error ? failure.message : String(failure),
      });
    }
  };

  const upload = async (file: File) => {
    if (!item) return;
    try {
      await uploadPhoto(item.id, file);
      setProblem(null);
      onChanged(t.form.photoSaved);
    } catch (failure) {
      setProblem({
        field: failure instanceof ApiError ? failure.field : null,
        text: failure instanceof Error ? failure.message : String(failure),
      });
    }
  };

  const takePhotoAway = async () => {
    if (!item) return;
    try {
      await removePhoto(item.id);
      setProblem(null);
      onChanged(t.form.photoRemoved);
    } catch (failure) {
      setProblem({ field: null, text: failure instanceof Error ? failure.message : String(failure) });
    }
  };

  return (
    <section class="panel item-form" aria-labelledby="item-form-heading" data-testid="item-form">
      <h2 id="item-form-heading">{item ? t.form.editTitle(name) : t.form.newTitle(category.name)}</h2>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <div class="item-form__pair">
          <label>
            {t.form.name}
            <input {...at('names.nl')} value={form.nl} onInput={(e) => { set({ nl: e.currentTarget.value }); }} />
            {error('names.nl')}
          </label>
          <label>
            {t.form.nameEn}
            <input {...at('names.en')} value={form.en} onInput={(e) => { set({ en: e.currentTarget.value }); }} />
            {error('names.en')}
          </label>
        </div>
        <div class="item-form__pair">
          <label>
            {t.form.description}
            <textarea
              {...at('descriptions.nl')}
              rows={2}
              value={form.descriptionNl}
              onInput={(e) => { set({ descriptionNl: e.currentTarget.value }); }}
            />
            {error('descriptions.nl')}
          </label>
          <label>
            {t.form.descriptionEn}
            <textarea
              {...at('descriptions.en')}
              rows={2}
              value={form.descriptionEn}
              onInput={(e) => { set({ descriptionEn: e.currentTarget.value }); }}
            />
            {error('descriptions.en')}
          </label>
        </div>
        <div class="item-form__pair">
          <label>
            {t.form.category}
            <select
              {...at('category_id')}
              value={form.categoryId}
              onChange={(e) => { set({ categoryId: Number(e.currentTarget.value) }); }}
            >
              {editor.categories.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
            {error('category_id')}
          </label>
          <label>
            {t.form.vat}
            <select
              {...at('vat_rate_percent')}
              value={form.vat}
              onChange={(e) => { set({ vat: Number(e.currentTarget.value) }); }}
            >
              <option value={9}>{t.form.vatFood}</option>
              <option value={21}>{t.form.vatOther}</option>
            </select>
          </label>
        </div>

        <fieldset>
          <legend>{t.form.sizes}</legend>
          {error('sizes')}
          <table class="sizes">
            <thead>
              <tr>
                <th scope="col" class="sizes__code">{t.form.sizeCode}</th>
                <th scope="col">{t.form.sizeName}</th>
                <th scope="col">{t.form.sizeNameEn}</th>
                <th scope="col" class="sizes__price">{t.form.price}</th>
                <td class="sizes__remove" />
              </tr>
            </thead>
            <tbody>
              {form.sizes.map((size, i) => {
                const change = (part: Partial<typeof size>) => {
                  set({ sizes: form.sizes.map((s, j) => (j === i ? { ...s, ...part } : s)) });
                };
                const label = size.nl || size.code || String(i + 1);
                return (
                  <tr key={i}>
                    <td>
                      <input
                        {...at(`sizes[${i}].code`)}
                        aria-label={`${t.form.sizeCode} ${String(i + 1)}`}
                        value={size.code}
                        size={6}
                        onInput={(e) => { change({ code: e.currentTarget.value }); }}
                      />
                      {error(`sizes[${i}].code`)}
                    </td>
                    <td>
                      <input
                        {...at(`sizes[${i}].names.nl`)}
                        aria-label={`${t.form.sizeName} ${String(i + 1)}`}
                        value={size.nl}
                        size={10}
                        onInput={(e) => { change({ nl: e.currentTarget.value }); }}
                      />
                      {error(`sizes[${i}].names.nl`)}
                    </td>
                    <td>
                      <input
                        {...at(`sizes[${i}].names.en`)}
                        aria-label={`${t.form.sizeNameEn} ${String(i + 1)}`}
                        value={size.en}
                        size={10}
                        onInput={(e) => { change({ en: e.currentTarget.value }); }}
                      />
                    </td>
                    <td>
                      <input
                        {...at(`sizes[${i}].price_cents`)}
                        aria-label={t.form.priceLabel(label)}
                        inputMode="decimal"
                        value={size.price}
                        size={7}
                        onInput={(e) => { change({ price: e.currentTarget.value }); }}
                      />
                      {error(`sizes[${i}].price_cents`)}
                    </td>
                    <td>
                      <button
                        type="button"
                        class="secondary"
                        aria-label={t.form.removeSize(label)}
                        disabled={form.sizes.length === 1}
                        onClick={() => { set({ sizes: form.sizes.filter((_, j) => j !== i) }); }}
                      >
                        ✕
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          <button
            type="button"
            class="secondary"
            onClick={() => { set({ sizes: [...form.sizes, { code: '', nl: '', en: '', price: '' }] }); }}
          >
            {t.form.addSize}
          </button>
        </fieldset>

        <fieldset>
          <legend>{t.form.extras}</legend>
          <p class="hint">{t.form.extrasHint}</p>
          {error('extras')}
          <ul class="extras">
            {editor.extras.map((extra) => {
              const index = chosenExtras.indexOf(extra.id);
              const chosen = index >= 0;
              const extraName = lang === 'en' && extra.names.en ? extra.names.en : extra.names.nl;
              return (
                <li key={extra.id}>
                  <label class="check">
                    <input
                      type="checkbox"
                      {...(chosen ? at(`extras[${index}]`) : {})}
                      checked={chosen}
                      onChange={(e) => {
                        const others = Object.entries(form.extras).filter(([id]) => Number(id) !== extra.id);
                        set({
                          extras: Object.fromEntries(e.currentTarget.checked ? [...others, [extra.id, {}]] : others),
                        });
                      }}
                    />
                    {extraName}
                  </label>
                  {chosen && error(`extras[${index}]`)}
                  {chosen && (
                    <span class="extras__prices">
                      {form.sizes.map((size) => {
                        const field = `extras[${index}].prices.${size.code}`;
                        const sizeName = size.nl || size.code;
                        return (
                          <label key={size.code} class="extras__price">
                            {sizeName}
                            <input
                              {...at(field)}
                              aria-label={t.form.extraPrice(extraName, sizeName)}
                              inputMode="decimal"
                              size={5}
                              placeholder={euroText(extra.prices[size.code] ?? extra.price_cents)}
                              value={form.extras[extra.id]?.[size.code] ?? ''}
                              onInput={(e) => {
                                set({
                                  extras: {
                                    ...form.extras,
                                    [extra.id]: { ...form.extras[extra.id], [size.code]: e.currentTarget.value },
                                  },
                                });
                              }}
                            />
                            {error(field)}
                          </label>
                        );
                      })}
                      {Object.keys(form.extras[extra.id] ?? {})
                        .filter((code) => !form.sizes.some((s) => s.code === code))
                        .map((code) => error(`extras[${index}].prices.${code}`))}
                    </span>
                  )}
                </li>
              );
            })}
          </ul>
          <div class="item-form__inline">
            <label>
              {t.form.newExtra}
              <input
                id="item-new-extra-names-nl"
                value={newExtra.name}
                onInput={(e) => { setNewExtra({ ...newExtra, name: e.currentTarget.value }); }}
              />
              {error('new-extra-names.nl')}
            </label>
            <label>
              {t.form.newExtraPrice}
              <input
                id="item-new-extra-price_cents"
                inputMode="decimal"
                size={6}
                value={newExtra.price}
                onInput={(e) => { setNewExtra({ ...newExtra, price: e.currentTarget.value }); }}
              />
              {error('new-extra-price_cents')}
            </label>
            <button type="button" class="secondary" onClick={() => void addExtra()}>
              {t.form.addExtra}
            </button>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t.form.ingredients}</legend>
          <ul class="chips">
            {editor.ingredients.map((ingredient) => (
              <li key={ingredient.id}>
                <label class="check">
                  <input
                    type="checkbox"
                    checked={form.ingredients.includes(ingredient.id)}
                    onChange={(e) => {
                      set({
                        ingredients: e.currentTarget.checked
                          ? [...form.ingredients, ingredient.id]
                          : form.ingredients.filter((id) => id !== ingredient.id),
                      });
                    }}
                  />
                  {lang === 'en' && ingredient.names.en ? ingredient.names.en : ingredient.names.nl}
                </label>
              </li>
            ))}
            {form.newIngredients.map((ingredient, i) => (
              <li key={`new-${String(i)}`}>
                <span class="chip">
                  {ingredient}
                  <button
                    type="button"
                    class="secondary chip__remove"
                    aria-label={t.form.removeIngredient(ingredient)}
                    onClick={() => { set({ newIngredients: form.newIngredients.filter((_, j) => j !== i) }); }}
                  >
                    ✕
                  </button>
                </span>
                {error(`ingredients[${String(form.ingredients.length + i)}].names.nl`)}
              </li>
            ))}
          </ul>
          <div class="item-form__inline">
            <label>
              {t.form.newIngredient}
              <input
                id="item-new-ingredient"
                value={newIngredient}
                onInput={(e) => { setNewIngredient(e.currentTarget.value); }}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    if (newIngredient.trim()) set({ newIngredients: [...form.newIngredients, newIngredient.trim()] });
                    setNewIngredient('');
                  }
                }}
              />
            </label>
            <button
              type="button"
              class="secondary"
              onClick={() => {
                if (newIngredient.trim()) set({ newIngredients: [...form.newIngredients, newIngredient.trim()] });
                setNewIngredient('');
              }}
            >
              {t.form.addIngredient}
            </button>
          </div>
        </fieldset>

        <fieldset>
          <legend>{t.form.allergens}</legend>
          {error('allergens')}
          <ul class="chips">
            {editor.allergens.map((allergen) => (
              <li key={allergen}>
                <label class="check">
                  <input
                    type="checkbox"
                    checked={form.allergens.includes(allergen)}
                    onChange={(e) => {
                      set({
                        allergens: e.currentTarget.checked
                          ? [...form.allergens, allergen]
                          : form.allergens.filter((a) => a !== allergen),
                      });
                    }}
                  />
                  {(t.allergens as Record<string, string>)[allergen] ?? allergen}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>

        <fieldset>
          <legend>{t.form.hours}</legend>
          <label class="check">
            <input type="checkbox" checked={form.limited} onChange={(e) => { set({ limited: e.currentTarget.checked }); }} />
            {t.form.hours}
          </label>
          {form.limited && (
            <div class="item-form__inline">
              <label>
                {t.form.hoursFrom}
                <input {...at('available.from')} type="time" value={form.from} onInput={(e) => { set({ from: e.currentTarget.value }); }} />
                {error('available.from')}
              </label>
              <label>
                {t.form.hoursUntil}
                <input {...at('available.until')} type="time" value={form.until} onInput={(e) => { set({ until: e.currentTarget.value }); }} />
                {error('available.until')}
              </label>
            </div>
          )}
        </fieldset>

        <label class="check">
          <input type="checkbox" checked={form.soldOut} onChange={(e) => { set({ soldOut: e.currentTarget.checked }); }} />
          {t.form.soldOut}
        </label>

        <fieldset>
          <legend>{t.form.photo}</legend>
          {item?.photo ? (
            <>
              <img class="item-form__photo" src={item.photo.medium} alt={t.form.photoAlt(name)} width={240} />
              <button type="button" class="secondary" onClick={() => void takePhotoAway()}>
                {t.form.removePhoto}
              </button>
            </>
          ) : (
            <p>{t.form.photoNone}</p>
          )}
          <label>
            <span class="hint">{t.form.photoHint(Math.floor(editor.max_photo_bytes / (1024 * 1024)))}</span>
            <input
              {...at('photo')}
              type="file"
              accept="image/jpeg,image/png,image/webp"
              disabled={!item}
              onChange={(e) => {
                const file = e.currentTarget.files?.[0];
                if (file) void upload(file);
                e.currentTarget.value = '';
              }}
            />
            {error('photo')}
          </label>
        </fieldset>

        {problem && !(problem.field && shown.has(problem.field)) && (
          <p class="alert" role="alert">
            {t.failed(problem.text)}
          </p>
        )}
        <div class="item-form__buttons">
          <button type="submit" disabled={busy}>
            {item ? t.form.save : t.form.create}
          </button>
          <button type="button" class="secondary" onClick={onClose}>
            {t.form.cancel}
          </button>
        </div>
      </form>
    </section>
  );
}
