// The kitchen board's view of the open orders: which tickets a screen shows and in what order,
// how late each one is, which lines belong to the screen's station, and the "all day" counts.
// Pure functions of the orders the live feed keeps and the stations the server resolved; the
// rules themselves (next status, the expo rule, recall) are the server's.

import type { Order, OrderLine, OrderStatus } from '../api/types';

/** The statuses the kitchen works on; `ready` leaves the board. */
export const KITCHEN_STATUSES: readonly OrderStatus[] = ['placed', 'accepted', 'preparing'];

/** A screen's choice: every line, one station's lines, or the pass. */
export type StationChoice = { kind: 'all' } | { kind: 'station'; code: string } | { kind: 'expo' };

/** The stations as `GET /kitchen/stations` resolves them. */
export interface StationMap {
  stations: { code: string; name: string }[];
  /** item id → the code of the station that makes it (absent: no station, the pass). */
  itemStation: Map<number, string>;
}

export const NO_STATIONS: StationMap = { stations: [], itemStation: new Map() };

/** When the order is due: the slot the customer asked for, else the promised ready time. */
export function dueAt(order: Order): Date {
  return new Date(order.requested_time ?? order.estimated_ready_at);
}

export type Urgency = 'ok' | 'soon' | 'late';

/** Minutes before the due time at which a ticket turns amber. */
export const SOON_MINUTES = 5;

export function urgency(order: Order, now: Date): Urgency {
  const left = dueAt(order).getTime() - now.getTime();
  if (left < 0) return 'late';
  if (left <= SOON_MINUTES * 60_000) return 'soon';
  return 'ok';
}

/** Whole minutes from `now` to the due time (negative: late). */
export function minutesLeft(order: Order, now: Date): number {
  const ms = dueAt(order).getTime() - now.getTime();
  return ms >= 0 ? Math.floor(ms / 60_000) : -Math.ceil(-ms / 60_000);
}

/** Whole minutes since the order came in. */
export function ageMinutes(order: Order, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(order.placed_at)) / 60_000));
}

export function lineDone(order: Order, index: number): boolean {
  return order.done_lines.includes(index);
}

/** A line the counter voided: still on the ticket, struck through, nobody's work any more. */
export function lineVoided(order: Order, index: number): boolean {
  return order.voids.some((v) => v.line === index);
}

/** Still to make: neither done nor voided. */
function lineOpen(order: Order, index: number): boolean {
  return !lineDone(order, index) && !lineVoided(order, index);
}

/** The station of a line (by its item, the first half's for a half-and-half); `null`: the pass. */
export function stationOf(line: OrderLine, map: StationMap): string | null {
  return map.itemStation.get(line.item_id) ?? null;
}

/** The positions of the lines a screen shows for an order. */
export function linesFor(order: Order, choice: StationChoice, map: StationMap): number[] {
  const all = order.lines.map((_, i) => i);
  if (choice.kind !== 'station') return all;
  return all.filter((i) => {
    const line = order.lines[i];
    return line !== undefined && stationOf(line, map) === choice.code;
  });
}

/** Per station with lines on this order: whether it has finished them (for the pass). */
export function stationProgress(
  order: Order,
  map: StationMap,
): { code: string; name: string; done: boolean }[] {
  return map.stations.flatMap((station) => {
    const lines = linesFor(order, { kind: 'station', code: station.code }, map);
    if (lines.length === 0) return [];
    return [{ code: station.code, name: station.name, done: lines.every((i) => !lineOpen(order, i)) }];
  });
}

/**
 * The tickets a screen shows, in the order they are due (then by number). A station screen
 * shows an order while it has unfinished lines there; the pass and the whole-kitchen screen
 * show every order the kitchen still works on.
 */
export function ticketsFor(orders: Order[], choice: StationChoice, map: StationMap): Order[] {
  return orders
    .filter((order) => KITCHEN_STATUSES.includes(order.status))
    .filter((order) => {
      if (choice.kind !== 'station') return true;
      const lines = linesFor(order, choice, map);
      return lines.some((i) => lineOpen(order, i));
    })
    .sort(
      (a, b) =>
        dueAt(a).getTime() - dueAt(b).getTime() ||
        a.placed_at.localeCompare(b.placed_at) ||
        a.id - b.id,
    );
}

/** "Margherita 30 cm", "½ Margherita / ½ Salami 30 cm": what the all-day strip counts. */
export function dishName(line: OrderLine): string {
  const name = line.second_half ? `½ ${line.item_name} / ½ ${line.second_half.item_name}` : line.item_name;
  return line.size === 'regular' ? name : `${name} ${line.size_name}`;
}

/** How many of each dish are still to make on the tickets shown, most first. */
export function allDay(tickets: Order[], choice: StationChoice, map: StationMap): { dish: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const order of tickets) {
    for (const i of linesFor(order, choice, map)) {
      const line = order.lines[i];
      if (!line || !lineOpen(order, i)) continue;
      const dish = dishName(line);
      counts.set(dish, (counts.get(dish) ?? 0) + line.quantity);
    }
  }
  return [...counts.entries()]
    .map(([dish, count]) => ({ dish, count }))
    .sort((a, b) => b.count - a.count || a.dish.localeCompare(b.dish));
}

/** What a bump did, to take it back with the recall key. */
export type Bump =
  | { kind: 'status'; orderId: number; number: string }
  | { kind: 'lines'; orderId: number; number: string; lines: number[] };

/** The recall key reaches back this many bumps. */
export const RECALL_DEPTH = 20;

export function pushBump(stack: readonly Bump[], bump: Bump): Bump[] {
  return [...stack, bump].slice(-RECALL_DEPTH);
}

/** The key a bump bar or keyboard sent, as a board action. */
export type KeyAction =
  | { kind: 'bump'; position: number }
  | { kind: 'bumpSelected' }
  | { kind: 'select'; step: number }
  | { kind: 'recall' };

export function keyAction(key: string): KeyAction | null {
  if (/^[1-9]$/.test(key)) return { kind: 'bump', position: Number(key) - 1 };
  switch (key) {
    case 'ArrowRight':
    case 'ArrowDown':
      return { kind: 'select', step: 1 };
    case 'ArrowLeft':
    case 'ArrowUp':
      return { kind: 'select', step: -1 };
    case 'Enter':
      return { kind: 'bumpSelected' };
    case '0':
    case 'r':
    case 'R':
      return { kind: 'recall' };
    default:
      return null;
  }
}
