import { describe, expect, it } from 'vitest';
import { customerSteps, moveAction, statusName } from './status';

describe('moveAction', () => {
  it('says what the counter does at each step', () => {
    expect(moveAction('accepted', 'pickup')).toBe('Accepteren');
    expect(moveAction('out_for_delivery', 'delivery')).toBe('Onderweg');
  });

  it('completes a pickup when it is collected and a delivery when it is delivered', () => {
    expect(moveAction('completed', 'pickup')).toBe('Afgehaald');
    expect(moveAction('completed', 'delivery')).toBe('Bezorgd');
  });
});

describe('customerSteps', () => {
  it('shows the trip for delivery orders only', () => {
    expect(customerSteps('pickup')).not.toContain('out_for_delivery');
    expect(customerSteps('delivery')).toContain('out_for_delivery');
  });
});

describe('statusName', () => {
  it('speaks Dutch by default and English on request', () => {
    expect(statusName('preparing')).toBe('In de oven');
    expect(statusName('preparing', 'en')).toBe('In the oven');
  });
});
