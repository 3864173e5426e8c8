// The calls the counter makes: its login tiles, the menu, quotes, placing counter and phone
// orders, payments, finding a caller, and the busy switches.

import { requestJson } from './http';
import type { components } from './schema';
import type { Order } from './types';

type Schemas = components['schemas'];
export type CounterTile = Schemas['CounterTileDto'];
export type RecordedPayment = Schemas['RecordedPaymentDto'];
export type PaymentBody = Schemas['PaymentBody'];

export function counterTiles(): Promise<CounterTile[]> {
  return requestJson<CounterTile[]>('/api/v1/auth/counter-staff');
}

export function loadMenu(): Promise<Schemas['MenuDto']> {
  return requestJson<Schemas['MenuDto']>('/api/v1/menu');
}

export function quote(body: Schemas['OrderRequestBody'], signal?: AbortSignal): Promise<Schemas['QuoteDto']> {
  return requestJson<Schemas['QuoteDto']>('/api/v1/quote', { method: 'POST', body, ...(signal ? { signal } : {}) });
}

/** Places the order; the same `key` for a retry of the same attempt never makes a second one. */
export function placeOrder(body: Schemas['OrderRequestBody'], key: string): Promise<Order> {
  return requestJson<Order>('/api/v1/orders', { method: 'POST', body, headers: { 'Idempotency-Key': key } });
}

export function pay(orderId: number, body: PaymentBody): Promise<RecordedPayment> {
  return requestJson<RecordedPayment>(`/api/v1/orders/${orderId}/payments`, { method: 'POST', body });
}

export function findCustomers(phone: string): Promise<Schemas['CustomerListDto']> {
  return requestJson<Schemas['CustomerListDto']>(`/api/v1/customers?phone=${encodeURIComponent(phone)}`);
}

export function shopStatus(): Promise<Schemas['ShopDto']> {
  return requestJson<Schemas['ShopDto']>('/api/v1/shop');
}

export function setPaused(paused: boolean): Promise<unknown> {
  return requestJson<unknown>('/api/v1/settings/pause', { method: 'POST', body: { paused } });
}

export type DiscountBody = Schemas['DiscountBody'];

export function giveDiscount(orderId: number, body: DiscountBody): Promise<Order> {
  return requestJson<Order>(`/api/v1/orders/${orderId}/discounts`, { method: 'POST', body });
}

export type LineVoidBody = Schemas['LineVoidBody'];

/** `POST /orders/{id}/voids`: voids one line; answers with the order after it. */
export function voidLine(orderId: number, body: LineVoidBody): Promise<Order> {
  return requestJson<Order>(`/api/v1/orders/${orderId}/voids`, { method: 'POST', body });
}

/** Opens the cash drawer (a kick on its printer); a 409 says why it cannot. */
export function openDrawer(): Promise<unknown> {
  return requestJson<unknown>('/api/v1/drawer', { method: 'POST' });
}
