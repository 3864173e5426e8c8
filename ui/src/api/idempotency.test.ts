import { describe, expect, it } from 'vitest';
import { attemptKeys, randomKey } from './idempotency';

describe('attemptKeys', () => {
  it('gives a retry of the same body the same key and a changed body a new one', () => {
    const keys = attemptKeys();
    const first = keys({ lines: [1] });
    expect(keys({ lines: [1] })).toBe(first);
    const changed = keys({ lines: [1, 2] });
    expect(changed).not.toBe(first);
    expect(keys({ lines: [1, 2] })).toBe(changed);
  });

  it('starts over for the next order, even an identical one', () => {
    const body = { lines: [1] };
    expect(attemptKeys()(body)).not.toBe(attemptKeys()(body));
  });
});

describe('randomKey', () => {
  it('is 32 hex characters, an acceptable header value', () => {
    expect(randomKey()).toMatch(/^[0-9a-f]{32}$/);
  });
});
