// The kitchen board's calls: stations, lines done, bump (the server's next status), recall.

import { requestJson } from './http';
import type { Order, StationsDto } from './types';

export function fetchStations(): Promise<StationsDto> {
  return requestJson<StationsDto>('/api/v1/kitchen/stations');
}

export function markLinesDone(orderId: number, lines: number[], done: boolean): Promise<Order> {
  return requestJson<Order>(`/api/v1/orders/${orderId}/lines/done`, {
    method: 'POST',
    body: { lines, done },
  });
}

export function recallOrder(orderId: number): Promise<Order> {
  return requestJson<Order>(`/api/v1/orders/${orderId}/recall`, { method: 'POST' });
}
