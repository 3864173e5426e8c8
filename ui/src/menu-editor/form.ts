// The item form of the menu editor: what the owner types (euro amounts as text, "11:00"), and
// the body the server checks. The form decides no rule of the menu: a price of 0, a size without
// a price or an extra priced for a size the item lacks are sent as typed, and the server answers
// at the field (`sizes[1].price_cents`), which the form shows next to that input.

import type { components } from '../api/schema';
import { centsFromEuroText, euroText } from '../settings-form/amounts';

type Schemas = components['schemas'];
export type EditorMenu = Schemas['MenuEditorDto'];
export type EditorCategory = Schemas['CategoryDto'];
export type EditorItem = Schemas['ItemDto'];
export type ExtraOption = Schemas['ExtraOptionDto'];
export type ItemBody = Schemas['ItemBody'];

export interface SizeForm {
  code: string;
  nl: string;
  en: string;
  price: string;
}

export interface ItemForm {
  categoryId: number;
  nl: string;
  en: string;
  descriptionNl: string;
  descriptionEn: string;
  vat: number;
  soldOut: boolean;
  sizes: SizeForm[];
  /** Chosen extras: extra id → price text per size code (empty: the extra's own price). */
  extras: Record<number, Record<string, string>>;
  ingredients: number[];
  /** Names of ingredients that do not exist yet, Dutch only (English falls back to it). */
  newIngredients: string[];
  allergens: string[];
  limited: boolean;
  from: string;
  until: string;
}

export function newItemForm(category: EditorCategory): ItemForm {
  return {
    categoryId: category.id,
    nl: '',
    en: '',
    descriptionNl: '',
    descriptionEn: '',
    vat: category.vat_rate_percent,
    soldOut: false,
    sizes: [{ code: 'normaal', nl: 'Normaal', en: 'Regular', price: '' }],
    extras: {},
    ingredients: [],
    newIngredients: [],
    allergens: [],
    limited: false,
    from: '11:00',
    until: '15:00',
  };
}

export function itemForm(item: EditorItem): ItemForm {
  const extras: Record<number, Record<string, string>> = {};
  for (const extra of item.extras) {
    extras[extra.id] = Object.fromEntries(
      Object.entries(extra.prices).map(([code, cents]) => [code, euroText(cents)]),
    );
  }
  return {
    categoryId: item.category_id,
    nl: item.names.nl,
    en: item.names.en === item.names.nl ? '' : item.names.en,
    descriptionNl: item.descriptions.nl,
    descriptionEn: item.descriptions.en === item.descriptions.nl ? '' : item.descriptions.en,
    vat: item.vat_rate_percent,
    soldOut: item.sold_out,
    sizes: item.sizes.map((s) => ({
      code: s.code,
      nl: s.names.nl,
      en: s.names.en === s.names.nl ? '' : s.names.en,
      price: euroText(s.price_cents),
    })),
    extras,
    ingredients: item.ingredients.map((i) => i.id),
    newIngredients: [],
    allergens: [...item.allergens],
    limited: item.available !== null && item.available !== undefined,
    from: item.available?.from ?? '11:00',
    until: item.available?.until ?? '15:00',
  };
}

/** The id of the input that shows the server's problem at `field` (`sizes[1].price_cents`). */
export function inputFor(field: string): string {
  return `item-${field.replace(/[[\].]+/g, '-').replace(/-$/, '')}`;
}

/**
 * What the owner typed that is not a euro amount at all ("twee"), as a problem at its field, so
 * it is said before anything is sent. Whether an amount is a valid price is the server's call.
 */
export interface Unreadable {
  field: string;
}

/** The body of `POST /menu/items` or `PUT /menu/items/{id}`, or the first unreadable amount. */
export function itemBody(form: ItemForm, position: number): ItemBody | Unreadable {
  const sizes: ItemBody['sizes'] = [];
  for (const [i, size] of form.sizes.entries()) {
    const typed = size.price.trim();
    const cents = typed === '' ? null : centsFromEuroText(typed);
    if (typed !== '' && cents === null) return { field: `sizes[${i}].price_cents` };
    sizes.push({
      code: size.code.trim(),
      names: { nl: size.nl, en: size.en },
      price_cents: cents,
    });
  }
  const extras: ItemBody['extras'] = [];
  for (const [i, [id, prices]] of Object.entries(form.extras).entries()) {
    const own: Record<string, number> = {};
    for (const [code, text] of Object.entries(prices)) {
      if (text.trim() === '') continue;
      const cents = centsFromEuroText(text);
      if (cents === null) return { field: `extras[${i}].prices.${code}` };
      own[code] = cents;
    }
    extras.push({ id: Number(id), prices: own });
  }
  return {
    category_id: form.categoryId,
    names: { nl: form.nl, en: form.en },
    descriptions: { nl: form.descriptionNl, en: form.descriptionEn },
    vat_rate_percent: form.vat,
    sold_out: form.soldOut,
    sizes,
    extras,
    ingredients: [
      ...form.ingredients,
      ...form.newIngredients
        .map((name) => name.trim())
        .filter((name) => name !== '')
        .map((name) => ({ names: { nl: name, en: '' } })),
    ],
    allergens: form.allergens,
    position,
    available: form.limited ? { from: form.from, until: form.until } : null,
  };
}

export function isUnreadable(body: ItemBody | Unreadable): body is Unreadable {
  return 'field' in body && !('names' in body);
}

/** `ids` with the entry at `from` moved to `to` (drag and drop, or the up/down buttons). */
export function moved(ids: number[], from: number, to: number): number[] {
  if (from === to || from < 0 || to < 0 || from >= ids.length || to >= ids.length) return ids;
  const next = [...ids];
  const [id] = next.splice(from, 1);
  if (id !== undefined) next.splice(to, 0, id);
  return next;
}
