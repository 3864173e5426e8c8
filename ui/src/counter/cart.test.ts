import { describe, expect, it } from 'vitest';
import { addLine, bump, newLine, NO_CUSTOMER, orderRequest, type MenuItem } from './cart';

const pizza = {
  id: 1,
  name: 'Margherita',
  names: { nl: 'Margherita', en: 'Margherita' },
  sizes: [
    { code: '25', name: '25 cm', names: { nl: '25 cm', en: '25 cm' }, price_cents: 900 },
    { code: '30', name: '30 cm', names: { nl: '30 cm', en: '30 cm' }, price_cents: 1100 },
    { code: '35', name: '35 cm', names: { nl: '35 cm', en: '35 cm' }, price_cents: 1300 },
  ],
  usual_size: '30',
} as unknown as MenuItem;

describe('the counter cart', () => {
  it('pre-selects the usual size and adds to a line made the same way', () => {
    let lines = addLine([], newLine(pizza));
    expect(lines[0]?.size).toBe('30');
    lines = addLine(lines, newLine(pizza));
    expect(lines).toHaveLength(1);
    expect(lines[0]?.quantity).toBe(2);
    lines = addLine(lines, newLine(pizza, '35'));
    expect(lines).toHaveLength(2);
    const key = lines[1]?.key ?? 0;
    expect(bump(lines, key, -1)).toHaveLength(1);
  });

  it('turns the order type into channel and fulfilment', () => {
    const lines = addLine([], newLine(pizza));
    expect(orderRequest(lines, 'walk_in', NO_CUSTOMER)).toMatchObject({
      channel: 'counter',
      fulfilment: { type: 'pickup' },
      contact: null,
    });
    const caller = { ...NO_CUSTOMER, phone: '0612', name: 'Ans', address: { street: 'Dorpsstraat', house_number: '1', postcode: '1234 AB', city: 'Ede' } };
    expect(orderRequest(lines, 'phone_delivery', caller)).toMatchObject({
      channel: 'phone',
      fulfilment: { type: 'delivery', address: { street: 'Dorpsstraat' } },
      contact: { name: 'Ans', phone: '0612' },
    });
  });
});
