import { describe, expect, it } from 'vitest';
import {
  addLine,
  lineIndexOf,
  linesAgain,
  parseCart,
  parsePastOrders,
  rememberOrder,
  removeLine,
  setQuantity,
  toLineBody,
  type CartLine,
  type PastOrder,
} from './cart';

const margherita = (key: string, quantity = 1): CartLine => ({
  key,
  item_id: 1,
  size: '30',
  extras: [2],
  removed_ingredients: [],
  note: '',
  quantity,
  second_half: null,
});

describe('the cart', () => {
  it('adds the same choice to its line and a different one as a new line', () => {
    let cart = addLine([], margherita('a'));
    cart = addLine(cart, margherita('b', 2));
    expect(cart).toHaveLength(1);
    expect(cart[0]?.quantity).toBe(3);
    cart = addLine(cart, { ...margherita('c'), size: '35' });
    expect(cart).toHaveLength(2);
  });

  it('edits quantities and removes a line at zero', () => {
    const cart = [margherita('a'), { ...margherita('b'), item_id: 2 }];
    expect(setQuantity(cart, 'a', 4)[0]?.quantity).toBe(4);
    expect(setQuantity(cart, 'a', 0).map((l) => l.key)).toEqual(['b']);
    expect(removeLine(cart, 'b').map((l) => l.key)).toEqual(['a']);
  });

  it('sends no empty note and keeps a half-and-half', () => {
    const half = { ...margherita('a'), note: '  ', second_half: { item_id: 2, extras: [], removed_ingredients: [5] } };
    expect(toLineBody(half)).toEqual({
      item_id: 1,
      size: '30',
      extras: [2],
      removed_ingredients: [],
      note: null,
      quantity: 1,
      second_half: { item_id: 2, extras: [], removed_ingredients: [5] },
    });
  });

  it('drops stored lines it cannot trust', () => {
    const stored = JSON.stringify([margherita('a'), { key: 'x', item_id: 'one' }, { ...margherita('b'), quantity: 0 }]);
    expect(parseCart(stored).map((l) => l.key)).toEqual(['a']);
    expect(parseCart('not json')).toEqual([]);
    expect(parseCart(null)).toEqual([]);
  });

  it('finds the line a server field names', () => {
    expect(lineIndexOf('lines[2].item_id')).toBe(2);
    expect(lineIndexOf('lines')).toBeNull();
    expect(lineIndexOf('contact.phone')).toBeNull();
    expect(lineIndexOf(null)).toBeNull();
  });
});

describe('past orders', () => {
  const order = (n: number): PastOrder => ({
    number: `#00${n}`,
    tracking_url: `/track/t${n}`,
    placed_at: '2026-12-02T18:00:00Z',
    lines: [margherita('a')],
  });

  it('keeps the newest five, each once', () => {
    let past: PastOrder[] = [];
    for (let n = 1; n <= 7; n += 1) past = rememberOrder(past, order(n));
    past = rememberOrder(past, order(7));
    expect(past.map((p) => p.number)).toEqual(['#007', '#006', '#005', '#004', '#003']);
    expect(parsePastOrders(JSON.stringify(past))).toHaveLength(5);
  });

  it('puts an order back as new lines', () => {
    const again = linesAgain(order(1));
    expect(again[0]?.item_id).toBe(1);
    expect(again[0]?.key).not.toBe('a');
  });
});
