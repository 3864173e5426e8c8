import { describe, expect, it } from 'vitest';
import { inputFor, isUnreadable, itemBody, moved, newItemForm, type EditorCategory, type ItemForm } from './form';

const pizzas: EditorCategory = {
  id: 3,
  name: "Pizza's",
  names: { nl: "Pizza's", en: 'Pizzas' },
  halves_allowed: true,
  vat_rate_percent: 9,
  items: [],
};

function focaccia(): ItemForm {
  return {
    ...newItemForm(pizzas),
    nl: 'Focaccia',
    sizes: [
      { code: 'klein', nl: 'Klein', en: 'Small', price: '6,50' },
      { code: 'groot', nl: 'Groot', en: '', price: '' },
    ],
    extras: { 7: { klein: '1,50', groot: '' } },
    newIngredients: ['Rozemarijn', ' '],
  };
}

describe('the item form', () => {
  it('sends prices in cents, an empty price as missing, and new ingredients by name', () => {
    const body = itemBody(focaccia(), 2);
    if (isUnreadable(body)) throw new Error(`unreadable at ${body.field}`);
    expect(body.sizes.map((s) => s.price_cents)).toEqual([650, null]);
    expect(body.extras).toEqual([{ id: 7, prices: { klein: 150 } }]);
    expect(body.ingredients).toEqual([{ names: { nl: 'Rozemarijn', en: '' } }]);
    expect(body.vat_rate_percent).toBe(9);
    expect(body.available).toBeNull();
    expect(body.position).toBe(2);
  });

  it('sends a price of 0 as typed: whether it is a price is for the server to say', () => {
    const form = focaccia();
    form.sizes[0] = { code: 'klein', nl: 'Klein', en: '', price: '0' };
    const body = itemBody(form, 0);
    if (isUnreadable(body)) throw new Error('0 is an amount');
    expect(body.sizes[0]?.price_cents).toBe(0);
  });

  it('names the input of an amount that is not one', () => {
    const form = focaccia();
    form.extras = { 7: { klein: 'twee' } };
    expect(itemBody(form, 0)).toEqual({ field: 'extras[0].prices.klein' });
    expect(inputFor('extras[0].prices.klein')).toBe('item-extras-0-prices-klein');
    expect(inputFor('sizes[1].price_cents')).toBe('item-sizes-1-price_cents');
  });

  it('moves an entry up or down, and leaves the list alone for a move off either end', () => {
    expect(moved([1, 2, 3], 2, 0)).toEqual([3, 1, 2]);
    expect(moved([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(moved([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(moved([1, 2, 3], 2, 3)).toEqual([1, 2, 3]);
  });
});
