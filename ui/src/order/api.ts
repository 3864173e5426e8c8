// The public API as the ordering page uses it. Every amount shown comes from these answers.

import { requestJson } from '../api/http';
import type { components } from '../api/schema';
import { toLineBody, type CartLine } from './cart';

type Schemas = components['schemas'];
export type Shop = Schemas['ShopDto'];
export type Menu = Schemas['MenuDto'];
export type Category = Schemas['CategoryDto'];
export type MenuItem = Schemas['ItemDto'];
export type LinesQuote = Schemas['LinesQuoteDto'];
export type Quote = Schemas['QuoteDto'];
export type PostcodeCheck = Schemas['PostcodeCheckDto'];
export type Placed = Schemas['PlacedOrderDto'];
export type Zone = Schemas['ZoneDto'];

export const getShop = () => requestJson<Shop>('/api/v1/shop');
export const getMenu = () => requestJson<Menu>('/api/v1/menu');

export function quoteLines(lines: readonly CartLine[], signal?: AbortSignal): Promise<LinesQuote> {
  return requestJson<LinesQuote>('/api/v1/quote/lines', {
    method: 'POST',
    body: { lines: lines.map(toLineBody) },
    ...(signal ? { signal } : {}),
  });
}

export function checkPostcode(postcode: string, signal?: AbortSignal): Promise<PostcodeCheck> {
  return requestJson<PostcodeCheck>(`/api/v1/delivery-zones/check?postcode=${encodeURIComponent(postcode)}`, {
    ...(signal ? { signal } : {}),
  });
}

/** What the checkout form holds, as the order request sends it. */
export interface CheckoutForm {
  fulfilment: 'pickup' | 'delivery';
  street: string;
  house_number: string;
  postcode: string;
  city: string;
  /** `''` = as soon as possible; otherwise one of the shop's slots (RFC 3339). */
  time: string;
  name: string;
  phone: string;
  email: string;
  note: string;
}

export function orderBody(lines: readonly CartLine[], form: CheckoutForm, withContact: boolean) {
  const note = form.note.trim();
  return {
    lines: lines.map(toLineBody),
    fulfilment:
      form.fulfilment === 'delivery'
        ? {
            type: 'delivery',
            address: { street: form.street, house_number: form.house_number, postcode: form.postcode, city: form.city },
          }
        : { type: 'pickup' },
    requested_time: form.time === '' ? null : form.time,
    contact: withContact ? { name: form.name, phone: form.phone, email: form.email.trim() === '' ? null : form.email } : null,
    note: note === '' ? null : note,
  };
}

/** The checkout's totals: the contact is left out until the order is placed. */
export function quoteOrder(lines: readonly CartLine[], form: CheckoutForm, signal?: AbortSignal): Promise<Quote> {
  return requestJson<Quote>('/api/v1/quote', {
    method: 'POST',
    body: orderBody(lines, form, false),
    ...(signal ? { signal } : {}),
  });
}

/** Places the order; the same `key` for a retry of the same attempt never makes a second one. */
export function placeOrder(lines: readonly CartLine[], form: CheckoutForm, key: string): Promise<Placed> {
  return requestJson<Placed>('/api/v1/orders', {
    method: 'POST',
    body: orderBody(lines, form, true),
    headers: { 'Idempotency-Key': key },
  });
}
