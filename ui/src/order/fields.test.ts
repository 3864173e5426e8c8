import { describe, expect, it } from 'vitest';
import { formField } from './fields';

describe('server fields on the checkout form', () => {
  it('puts each field the order request can name at its input', () => {
    expect(formField('fulfilment.address.postcode')).toBe('postcode');
    expect(formField('fulfilment.address')).toBe('street');
    expect(formField('contact')).toBe('name');
    expect(formField('contact.phone')).toBe('phone');
    expect(formField('requested_time')).toBe('time');
    expect(formField('fulfilment.type')).toBe('how');
    expect(formField('lines')).toBe('summary');
  });

  it('leaves lines and unknown fields to the caller', () => {
    expect(formField('lines[0].item_id')).toBeNull();
    expect(formField('Idempotency-Key')).toBeNull();
    expect(formField(null)).toBeNull();
  });
});
