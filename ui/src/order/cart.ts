// The cart as this browser keeps it: what the customer chose, never what it costs (prices come
// from the server's quote every time the cart is shown). Kept in localStorage so a reload, a
// closed tab or a phone call in between loses nothing; past orders are kept the same way for
// "order again".

import { randomKey } from '../api/idempotency';

/** One half of a half-and-half pizza. */
export interface CartHalf {
  item_id: number;
  extras: number[];
  removed_ingredients: number[];
}

/** A line as chosen in the item dialog. `key` tells lines apart while they are edited. */
export interface CartLine {
  key: string;
  item_id: number;
  size: string | null;
  extras: number[];
  removed_ingredients: number[];
  note: string;
  quantity: number;
  second_half: CartHalf | null;
}

/** A line as `POST /quote/lines`, `/quote` and `/orders` take it. */
export interface LineBody {
  item_id: number;
  size: string | null;
  extras: number[];
  removed_ingredients: number[];
  note: string | null;
  quantity: number;
  second_half: CartHalf | null;
}

export const CART_KEY = 'forno.cart.v1';
export const PAST_ORDERS_KEY = 'forno.orders.v1';
/** How many past orders "order again" remembers. */
export const PAST_ORDERS_KEPT = 5;

export function toLineBody(line: CartLine): LineBody {
  const note = line.note.trim();
  return {
    item_id: line.item_id,
    size: line.size,
    extras: line.extras,
    removed_ingredients: line.removed_ingredients,
    note: note === '' ? null : note,
    quantity: line.quantity,
    second_half: line.second_half,
  };
}

const isIds = (value: unknown): value is number[] =>
  Array.isArray(value) && value.every((v) => Number.isInteger(v));

function isHalf(value: unknown): value is CartHalf {
  if (typeof value !== 'object' || value === null) return false;
  const half = value as Record<string, unknown>;
  return Number.isInteger(half.item_id) && isIds(half.extras) && isIds(half.removed_ingredients);
}

/** A stored line, checked: a cart written by an older page or by hand is dropped, not trusted. */
export function isCartLine(value: unknown): value is CartLine {
  if (typeof value !== 'object' || value === null) return false;
  const line = value as Record<string, unknown>;
  return (
    typeof line.key === 'string' &&
    Number.isInteger(line.item_id) &&
    (line.size === null || typeof line.size === 'string') &&
    isIds(line.extras) &&
    isIds(line.removed_ingredients) &&
    typeof line.note === 'string' &&
    Number.isInteger(line.quantity) &&
    (line.quantity as number) >= 1 &&
    (line.second_half === null || isHalf(line.second_half))
  );
}

export function parseCart(stored: string | null): CartLine[] {
  if (!stored) return [];
  try {
    const parsed: unknown = JSON.parse(stored);
    return Array.isArray(parsed) ? parsed.filter(isCartLine) : [];
  } catch {
    return [];
  }
}

/** The same choice (item, size, extras, removals, half, note) on two lines. */
export function sameChoice(a: CartLine, b: CartLine): boolean {
  const choice = (l: CartLine) =>
    JSON.stringify([l.item_id, l.size, l.extras, l.removed_ingredients, l.note.trim(), l.second_half]);
  return choice(a) === choice(b);
}

/** Adds a line, or raises the quantity of a line with the same choice. */
export function addLine(cart: readonly CartLine[], line: CartLine): CartLine[] {
  const same = cart.find((l) => sameChoice(l, line));
  if (!same) return [...cart, line];
  return cart.map((l) => (l === same ? { ...l, quantity: Math.min(99, l.quantity + line.quantity) } : l));
}

export function replaceLine(cart: readonly CartLine[], line: CartLine): CartLine[] {
  return cart.map((l) => (l.key === line.key ? line : l));
}

export function removeLine(cart: readonly CartLine[], key: string): CartLine[] {
  return cart.filter((l) => l.key !== key);
}

export function setQuantity(cart: readonly CartLine[], key: string, quantity: number): CartLine[] {
  if (quantity < 1) return removeLine(cart, key);
  return cart.map((l) => (l.key === key ? { ...l, quantity: Math.min(99, quantity) } : l));
}

/** The index of the cart line a server `field` names (`lines[2].extras[0]` → 2), if any. */
export function lineIndexOf(field: string | null): number | null {
  const match = field ? /^lines\[(\d+)\]/.exec(field) : null;
  return match?.[1] === undefined ? null : Number(match[1]);
}

/** An order this browser placed: enough to follow it and to order it again. */
export interface PastOrder {
  number: string;
  tracking_url: string;
  placed_at: string;
  lines: CartLine[];
}

export function parsePastOrders(stored: string | null): PastOrder[] {
  if (!stored) return [];
  try {
    const parsed: unknown = JSON.parse(stored);
    if (!Array.isArray(parsed)) return [];
    return parsed.filter(
      (o): o is PastOrder =>
        typeof o === 'object' &&
        o !== null &&
        typeof (o as PastOrder).number === 'string' &&
        typeof (o as PastOrder).tracking_url === 'string' &&
        typeof (o as PastOrder).placed_at === 'string' &&
        Array.isArray((o as PastOrder).lines) &&
        (o as PastOrder).lines.every(isCartLine),
    );
  } catch {
    return [];
  }
}

/** The newest first, at most PAST_ORDERS_KEPT. */
export function rememberOrder(past: readonly PastOrder[], order: PastOrder): PastOrder[] {
  return [order, ...past.filter((p) => p.tracking_url !== order.tracking_url)].slice(0, PAST_ORDERS_KEPT);
}

/** A past order's lines as new cart lines (fresh keys); the server prices them again. */
export function linesAgain(order: PastOrder): CartLine[] {
  return order.lines.map((l) => ({ ...l, key: randomKey() }));
}

/** Reads and writes a stored value; a browser without storage (private mode) keeps it in memory. */
export function loadStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

export function saveStored(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // Storage full or off: the cart still works for this visit.
  }
}
