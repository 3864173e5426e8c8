// The counter's cart: what the cashier tapped, as the order request the server quotes and
// places. No prices here: the totals always come from `POST /quote`.

import type { components } from '../api/schema';

type Schemas = components['schemas'];
export type MenuDto = Schemas['MenuDto'];
export type MenuItem = Schemas['ItemDto'];
export type Category = Schemas['CategoryDto'];
export type OrderRequest = Schemas['OrderRequestBody'];
export type Quote = Schemas['QuoteDto'];
export type Customer = Schemas['CustomerDto'];
export type Address = Schemas['AddressBody'];

export interface Half {
  itemId: number;
  extras: number[];
  removed: number[];
}

export interface CartLine {
  /** Stable per cart, for keys and editing. */
  key: number;
  itemId: number;
  size: string | null;
  extras: number[];
  removed: number[];
  note: string;
  quantity: number;
  secondHalf: Half | null;
}

export type OrderType = 'walk_in' | 'phone_pickup' | 'phone_delivery';

export const ORDER_TYPES: readonly OrderType[] = ['walk_in', 'phone_pickup', 'phone_delivery'];

export interface CustomerFields {
  phone: string;
  name: string;
  address: Address;
}

export const NO_CUSTOMER: CustomerFields = {
  phone: '',
  name: '',
  address: { street: '', house_number: '', postcode: '', city: '' },
};

let nextKey = 1;

/** A new line of `item` at `size` (the item's usual size when not given). */
export function newLine(item: MenuItem, size?: string): CartLine {
  return {
    key: nextKey++,
    itemId: item.id,
    size: size ?? item.usual_size ?? item.sizes[0]?.code ?? null,
    extras: [],
    removed: [],
    note: '',
    quantity: 1,
    secondHalf: null,
  };
}

/** True when two lines are the same product made the same way (tapping again adds one). */
function sameMade(a: CartLine, b: CartLine): boolean {
  return (
    a.itemId === b.itemId &&
    a.size === b.size &&
    a.note === b.note &&
    a.secondHalf === null &&
    b.secondHalf === null &&
    a.extras.join() === b.extras.join() &&
    a.removed.join() === b.removed.join()
  );
}

/** Adds a line; the same product made the same way adds to the quantity instead. */
export function addLine(lines: readonly CartLine[], line: CartLine): CartLine[] {
  const same = lines.find((l) => sameMade(l, line));
  if (same) return changeLine(lines, same.key, { quantity: Math.min(99, same.quantity + 1) });
  return [...lines, line];
}

export function changeLine(
  lines: readonly CartLine[],
  key: number,
  change: Partial<Omit<CartLine, 'key'>>,
): CartLine[] {
  return lines.map((l) => (l.key === key ? { ...l, ...change } : l));
}

/** One more or fewer; a line at zero is removed. */
export function bump(lines: readonly CartLine[], key: number, by: number): CartLine[] {
  return lines
    .map((l) => (l.key === key ? { ...l, quantity: Math.min(99, l.quantity + by) } : l))
    .filter((l) => l.quantity > 0);
}

export function toggle(list: readonly number[], id: number): number[] {
  return list.includes(id) ? list.filter((x) => x !== id) : [...list, id].sort((a, b) => a - b);
}

/** The order request for the server: channel and fulfilment follow from the order type. */
export function orderRequest(
  lines: readonly CartLine[],
  type: OrderType,
  customer: CustomerFields,
): OrderRequest {
  const contact =
    type === 'walk_in'
      ? customer.name.trim()
        ? { name: customer.name.trim(), phone: '' }
        : null
      : { name: customer.name.trim(), phone: customer.phone.trim() };
  return {
    channel: type === 'walk_in' ? 'counter' : 'phone',
    lines: lines.map((l) => ({
      item_id: l.itemId,
      size: l.size,
      extras: l.extras,
      removed_ingredients: l.removed,
      note: l.note.trim() ? l.note.trim() : null,
      quantity: l.quantity,
      second_half: l.secondHalf
        ? {
            item_id: l.secondHalf.itemId,
            extras: l.secondHalf.extras,
            removed_ingredients: l.secondHalf.removed,
          }
        : null,
    })),
    fulfilment:
      type === 'phone_delivery'
        ? { type: 'delivery', address: customer.address }
        : { type: 'pickup', address: null },
    requested_time: null,
    contact,
    note: null,
  };
}

/** Items whose name (either language) contains what was typed, in menu order. */
export function searchItems(menu: MenuDto, typed: string): MenuItem[] {
  const q = typed.trim().toLowerCase();
  if (!q) return [];
  return menu.categories
    .flatMap((c) => c.items)
    .filter((i) => !i.sold_out)
    .filter((i) => [i.name, i.names.nl, i.names.en].some((n) => n.toLowerCase().includes(q)));
}

export function findItem(menu: MenuDto, id: number): MenuItem | undefined {
  for (const c of menu.categories) {
    const item = c.items.find((i) => i.id === id);
    if (item) return item;
  }
  return undefined;
}
