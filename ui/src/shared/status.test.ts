import { describe, expect, it } from 'vitest';
import { customerSteps, moveAction, statusName } from './status';

describe('moveAction', () => {
  it('says what the counter does at each step', () => {
    expect(moveAction('accepted', 'pickup', 'nl')).toBe('Accepteren');
    expect(moveAction('out_for_delivery', 'delivery', 'nl')).toBe('Onderweg');
    expect(moveAction('accepted', 'pickup', 'en')).toBe('Accept');
  });

  it('completes a pickup when it is collected and a delivery when it is delivered', () => {
    expect(moveAction('completed', 'pickup', 'nl')).toBe('Afgehaald');
    expect(moveAction('completed', 'delivery', 'nl')).toBe('Bezorgd');
    expect(moveAction('completed', 'delivery', 'en')).toBe('Delivered');
  });
});

describe('customerSteps', () => {
  it('shows the trip for delivery orders only', () => {
    expect(customerSteps('pickup')).not.toContain('out_for_delivery');
    expect(customerSteps('delivery')).toContain('out_for_delivery');
  });
});

describe('statusName', () => {
  it('speaks the page’s language', () => {
    expect(statusName('preparing', 'nl')).toBe('In de oven');
    expect(statusName('preparing', 'en')).toBe('In the oven');
  });

  it('shows a status from a newer server as the server spells it', () => {
    expect(statusName('refunded' as never, 'nl')).toBe('refunded');
  });
});
