import { describe, expect, it } from 'vitest';
import type { Order, OrderLine } from '../api/types';
import { allDay, keyAction, linesFor, minutesLeft, pushBump, RECALL_DEPTH, stationProgress, ticketsFor, urgency, type StationMap } from './board';

function line(item_id: number, item_name: string, quantity = 1, size = '30'): OrderLine {
  return {
    description: '',
    item_id,
    item_name,
    size,
    size_name: `${size} cm`,
    quantity,
    unit_price_cents: 1000,
    total_cents: 1000 * quantity,
    vat_rate_percent: 9,
    vat_cents: 0,
    extras: [],
    removed_ingredients: [],
    second_half: null,
    note: null,
  };
}

function order(id: number, status: Order['status'], due: string, lines: OrderLine[], done: number[] = []): Order {
  return {
    id,
    number: `#${String(id).padStart(3, '0')}`,
    status,
    next_status: null,
    estimated_ready_at: due,
    requested_time: null,
    placed_at: '2026-12-02T17:00:00Z',
    lines,
    done_lines: done,
    voids: [],
  } as unknown as Order;
}

const map: StationMap = {
  stations: [
    { code: 'oven', name: 'Oven' },
    { code: 'cold', name: 'Koud' },
  ],
  itemStation: new Map([
    [1, 'oven'],
    [2, 'cold'],
  ]),
};

describe('the kitchen board', () => {
  it('shows the orders the kitchen works on, the first due first', () => {
    const orders = [
      order(1, 'preparing', '2026-12-02T18:30:00Z', [line(1, 'Margherita')]),
      order(2, 'accepted', '2026-12-02T18:10:00Z', [line(1, 'Margherita')]),
      order(3, 'ready', '2026-12-02T18:00:00Z', [line(1, 'Margherita')]),
    ];
    expect(ticketsFor(orders, { kind: 'all' }, map).map((o) => o.id)).toEqual([2, 1]);
  });

  it('gives a station its own lines, and leaves an order off once they are done', () => {
    const o = order(1, 'preparing', '2026-12-02T18:30:00Z', [line(1, 'Margherita'), line(2, 'Cola'), line(9, 'Tiramisu')], [0]);
    expect(linesFor(o, { kind: 'station', code: 'cold' }, map)).toEqual([1]);
    expect(ticketsFor([o], { kind: 'station', code: 'oven' }, map)).toEqual([]);
    expect(ticketsFor([o], { kind: 'station', code: 'cold' }, map)).toEqual([o]);
    expect(stationProgress(o, map)).toEqual([
      { code: 'oven', name: 'Oven', done: true },
      { code: 'cold', name: 'Koud', done: false },
    ]);
  });

  it('counts the dishes still to make, all day', () => {
    const tickets = [
      order(1, 'preparing', '2026-12-02T18:30:00Z', [line(1, 'Margherita', 2), line(2, 'Cola', 3, 'regular')]),
      order(2, 'accepted', '2026-12-02T18:40:00Z', [line(1, 'Margherita', 5)], []),
      order(3, 'accepted', '2026-12-02T18:40:00Z', [line(1, 'Margherita', 4)], [0]),
    ];
    expect(allDay(tickets, { kind: 'all' }, map)).toEqual([
      { dish: 'Margherita 30 cm', count: 7 },
      { dish: 'Cola', count: 3 },
    ]);
    expect(allDay(tickets, { kind: 'station', code: 'cold' }, map)).toEqual([{ dish: 'Cola', count: 3 }]);
  });

  it('turns amber near the due time and red after it', () => {
    const o = order(1, 'preparing', '2026-12-02T18:30:00Z', []);
    expect(urgency(o, new Date('2026-12-02T18:20:00Z'))).toBe('ok');
    expect(urgency(o, new Date('2026-12-02T18:26:00Z'))).toBe('soon');
    expect(urgency(o, new Date('2026-12-02T18:31:30Z'))).toBe('late');
    expect(minutesLeft(o, new Date('2026-12-02T18:31:30Z'))).toBe(-2);
  });

  it('reads a bump bar: 1–9, arrows, Enter, 0 and R recall; keeps 20 bumps', () => {
    expect(keyAction('3')).toEqual({ kind: 'bump', position: 2 });
    expect(keyAction('ArrowLeft')).toEqual({ kind: 'select', step: -1 });
    expect(keyAction('0')).toEqual({ kind: 'recall' });
    expect(keyAction('r')).toEqual({ kind: 'recall' });
    expect(keyAction('x')).toBeNull();
    let stack = pushBump([], { kind: 'status', orderId: 0, number: '#000' });
    for (let i = 1; i < 30; i += 1) stack = pushBump(stack, { kind: 'status', orderId: i, number: `#${i}` });
    expect(stack).toHaveLength(RECALL_DEPTH);
    expect(stack.at(-1)?.orderId).toBe(29);
  });
});

describe('a voided line', () => {
  it('is nobody\'s work: not counted all day, and a station with only it left is finished', () => {
    const o = order(1, 'preparing', '2026-12-02T18:00:00Z', [line(1, 'Margherita'), line(2, 'Cola')]);
    o.voids = [{ id: 1, line: 1, amount_cents: 300, reason: 'x', staff_name: null, approved_by: null, at: '2026-12-02T17:05:00Z' }];
    expect(allDay([o], { kind: 'all' }, map).map((c) => c.dish)).toEqual(['Margherita 30 cm']);
    expect(linesFor(o, { kind: 'all' }, map)).toEqual([0, 1]);
    expect(ticketsFor([o], { kind: 'station', code: 'cold' }, map)).toEqual([]);
    expect(stationProgress(o, map).find((p) => p.code === 'cold')?.done).toBe(true);
  });
});
